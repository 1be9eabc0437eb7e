namespace Proeftuin.Data.Collaboration;

/// <summary>Another node wrote this revision first: load the operations it wrote, transform over them and retry.</summary>
public sealed class RevisionConflictException(string documentId, long revision, Exception inner)
    : Exception($"Revision {revision} of document {documentId} was written by another node.", inner)
{
    public string DocumentId { get; } = documentId;

    public long Revision { get; } = revision;
}
