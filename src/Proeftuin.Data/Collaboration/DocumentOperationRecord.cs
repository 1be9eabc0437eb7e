namespace Proeftuin.Data.Collaboration;

/// <summary>
/// One entry of a co-edited document's op log. The key (DocumentId, Revision) is what orders operations across
/// nodes: two nodes that both try to write revision n cannot both succeed.
/// </summary>
public sealed class DocumentOperationRecord
{
    public const int MaxDocumentIdLength = 64;
    public const int MaxClientIdLength = 64;

    public string DocumentId { get; set; } = string.Empty;

    public long Revision { get; set; }

    /// <summary>The operation in its wire form (JSON array), as applied after transformation.</summary>
    public string Operation { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public long ClientSeq { get; set; }

    public Guid? AuthorId { get; set; }

    public DateTime AppliedAtUtc { get; set; }
}
