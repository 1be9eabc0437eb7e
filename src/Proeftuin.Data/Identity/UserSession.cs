namespace Proeftuin.Data.Identity;

/// <summary>
/// A signed-in browser session, kept on the server: the cookie holds only <see cref="Key"/>. Logging out deletes the
/// row, so a copied cookie is worthless afterwards; ending all sessions of an account (password changed, account
/// locked) deletes all its rows. Every node reads the same rows, so a session ends on all nodes at once.
/// </summary>
public sealed class UserSession
{
    public required string Key { get; init; }

    public required Guid UserId { get; init; }

    /// <summary>The authentication ticket (claims and properties), serialised and protected with data protection.</summary>
    public required byte[] Ticket { get; set; }

    /// <summary>When the user signed in with both factors: the session ends 12 hours later, however active it is.</summary>
    public required DateTime SignedInUtc { get; init; }

    /// <summary>The idle limit: moved on by activity (requests, an open hub connection), never past the absolute limit.</summary>
    public required DateTime ExpiresUtc { get; set; }
}
