namespace Proeftuin.Data.Collaboration;

/// <summary>
/// An op-log entry that did not apply when the document was replayed (written by an older version that let a malformed
/// operation through). It is moved here as it was, so it can be inspected and recovered, and the log keeps a no-op at
/// its revision: revisions stay consecutive and the document opens again.
/// </summary>
public sealed class QuarantinedOperationRecord
{
    public const int MaxReasonLength = 64;

    public string DocumentId { get; set; } = string.Empty;

    public long Revision { get; set; }

    /// <summary>The operation exactly as it stood in the log.</summary>
    public string Operation { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public long ClientSeq { get; set; }

    public Guid? AuthorId { get; set; }

    public DateTime AppliedAtUtc { get; set; }

    /// <summary>Why replay refused it: the operation error code (e.g. <c>operation.too-large</c>).</summary>
    public string Reason { get; set; } = string.Empty;

    public DateTime QuarantinedAtUtc { get; set; }
}
