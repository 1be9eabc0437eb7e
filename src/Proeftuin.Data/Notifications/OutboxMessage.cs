namespace Proeftuin.Data.Notifications;

/// <summary>
/// A mail to send, written in the same SaveChanges as the change that causes it (so a crash never loses or invents
/// one). It holds the intent only — kind, recipient, subject (a meeting) and calendar sequence — and the worker renders
/// the text when it sends, so no case text and no address is ever stored here. A node claims a row by an atomic
/// conditional update of <see cref="ClaimToken"/> and <see cref="ClaimedUntilUtc"/>; a claim of a node that died
/// expires with its lease. The row's id is the mail's Message-ID, so a resend after a crash is recognisable.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxKeyLength = 200;
    public const int MaxErrorLength = 500;
    public const int MaxOwnerLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();

    public required NotificationKind Kind { get; init; }

    /// <summary>The professional who receives the mail; the address is looked up when it is sent.</summary>
    public required Guid RecipientId { get; init; }

    /// <summary>The meeting the mail is about (null for the weekly digest).</summary>
    public Guid? MeetingId { get; init; }

    /// <summary>The iCalendar SEQUENCE of a meeting invitation, update or cancellation.</summary>
    public int CalendarSequence { get; init; }

    /// <summary>Set for scheduled mails (reminder, digest) so two nodes can never enqueue the same one twice.</summary>
    public string? DeduplicationKey { get; init; }

    public DateTime CreatedAtUtc { get; init; } = DateTime.UtcNow;

    /// <summary>Null: due at once. Set after a failed attempt (exponential back-off).</summary>
    public DateTime? NextAttemptAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Set when the message will never be sent: too many attempts, a refused text, or nobody to send it to.</summary>
    public DateTime? AbandonedAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>The node holding the claim (for operators; the claim itself is the token).</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public Guid? ClaimToken { get; set; }
}
