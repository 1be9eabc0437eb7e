using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Features.Cases.Preparation;

/// <summary>
/// What a member gets on joining a case's preparation: the case text at its live revision with its open findings (the
/// same <see cref="DocumentState"/> the meeting room sends), and who else is preparing it now.
/// </summary>
public sealed record CaseSnapshot(Guid CaseId, string Title, string Status, DocumentState Document, IReadOnlyList<Participant> Participants);
