namespace Proeftuin.Data.Collaboration;

/// <summary>The full text of a document at a revision, written every so many operations so a rebuild is quick.</summary>
public sealed class DocumentSnapshotRecord
{
    public string DocumentId { get; set; } = string.Empty;

    public long Revision { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }
}
