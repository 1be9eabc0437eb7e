namespace Proeftuin.Data.Anonymization;

/// <summary>
/// The keyed hash (HMAC-SHA256 with the server's secret) of one normalised token of a real name the author entered
/// for a case. The names themselves are never stored.
/// </summary>
public sealed class CaseGuardedName
{
    public Guid CaseFileId { get; set; }

    public string Hash { get; set; } = string.Empty;
}
