namespace Proeftuin.Core.Collaboration;

/// <summary>
/// An operation as the server applied it: the entry of the op log. <see cref="Revision"/> is the document revision it
/// produced (the first edit of a document makes revision 1). (ClientId, ClientSeq) identify the submission, so a
/// resubmission after reconnect is recognised, also after a restart. <see cref="AuthorId"/> is who submitted it: a
/// client id is chosen by the client, so it only identifies a submission together with its author.
/// </summary>
public sealed record AppliedOperation(
    string DocumentId,
    long Revision,
    TextOperation Operation,
    string ClientId,
    long ClientSeq,
    DateTime AppliedAtUtc,
    Guid? AuthorId = null);
