namespace Proeftuin.Core.Collaboration;

/// <summary>
/// An operation is malformed or does not fit the document (wrong length, empty component, bad JSON). Raised before
/// anything changes: a document never holds half an operation.
/// </summary>
public class OperationException(string code, string message) : Exception(message)
{
    /// <summary>Stable code for clients, e.g. <c>operation.length</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>The client based its operation on a revision older than the server still remembers: it must resync.</summary>
public sealed class StaleRevisionException(long baseRevision, long oldestRevision)
    : OperationException(
        "operation.stale",
        $"De versie {baseRevision} waarop deze wijziging is gebaseerd is te oud (oudste bewaarde versie: {oldestRevision}). Laad het document opnieuw.")
{
    public long BaseRevision { get; } = baseRevision;

    public long OldestRevision { get; } = oldestRevision;
}
