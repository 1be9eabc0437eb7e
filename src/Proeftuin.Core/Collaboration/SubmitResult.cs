namespace Proeftuin.Core.Collaboration;

/// <summary>
/// What the server did with a submission: the operation as transformed and applied, and the revision it made.
/// <see cref="Duplicate"/> is true when this (clientId, clientSeq) was applied before and nothing changed now.
/// </summary>
public sealed record SubmitResult(AppliedOperation Applied, bool Duplicate)
{
    public long Revision => Applied.Revision;

    public TextOperation Operation => Applied.Operation;
}
