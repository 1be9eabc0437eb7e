using Proeftuin.Core.Collaboration;
using Proeftuin.Web.Features.Recommendations;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>The result of every hub method: a value, or a typed error; a refused call never breaks the connection.</summary>
public sealed record HubResult<T>(bool Ok, T? Value, HubError? Error)
{
    public static HubResult<T> Success(T value) => new(true, value, null);

    public static HubResult<T> Fail(string code, string message) => new(false, default, new HubError(code, message));

    public static HubResult<T> Fail(HubError error) => new(false, default, error);

    /// <summary>The same failure as an answer of another type (a refused step of a larger use case).</summary>
    public HubResult<TOther> As<TOther>() => new(false, default, Error);

    /// <summary>The anonymisation guard refused the save: the error lists the findings so the form can show them.</summary>
    public static HubResult<T> Refused(Anonymization.GuardVerdict verdict) =>
        new(false, default, new HubError(Anonymization.GuardVerdict.ErrorCode, verdict.Message, verdict.Dtos));
}

/// <summary>
/// A typed error; <paramref name="Findings"/> is set when the anonymisation guard refused a text, <paramref name="Current"/>
/// when a recommendation was changed by someone else first (<c>recommendation.conflict</c>): their version, so the room
/// can show both and let the user choose.
/// </summary>
public sealed record HubError(
    string Code, string Message, IReadOnlyList<Anonymization.GuardFindingDto>? Findings = null, Recommendations.RecommendationView? Current = null);

public sealed record MeetingSnapshot(
    Guid MeetingId,
    string Title,
    string Status,
    IReadOnlyList<DocumentState> Documents,
    IReadOnlyList<Participant> Participants,
    MeetingState State,
    IReadOnlyList<RecommendationView> Recommendations,
    IReadOnlyList<WritingRoundView> WritingRounds,
    MinutesView? Minutes,
    EvaluationSummary Evaluation);

/// <summary>Where the meeting is: status, current agenda item and phase, and the timer (server time is the truth).</summary>
public sealed record MeetingState(string Status, Guid? CurrentAgendaItemId, string? Phase, int? RemainingSeconds, bool TimerRunning, DateTime ServerTimeUtc);

public sealed record DocumentState(string DocumentId, string Title, string Text, long Revision, IReadOnlyList<Anonymization.FindingDto> Findings);

/// <summary>The open anonymisation findings of a document after an edit, sent to the room when they change.</summary>
public sealed record FindingsBroadcast(string DocumentId, long Revision, IReadOnlyList<Anonymization.FindingDto> Findings);

/// <summary>Someone in the room: name, discipline and a stable colour for cursors and the participant list.</summary>
public sealed record Participant(Guid UserId, string Name, string Discipline, string Colour);

/// <summary>An edit: <see cref="Operation"/> is read without failing, so a malformed or oversized one gets a typed error.</summary>
public sealed record SubmitRequest(string DocumentId, long BaseRevision, ReceivedOperation Operation, string ClientId, long ClientSeq);

public sealed record SubmitAck(string DocumentId, long Revision, long ClientSeq, bool Duplicate);

public sealed record OperationBroadcast(string DocumentId, long Revision, TextOperation Operation, string ClientId, long ClientSeq);

/// <summary>
/// What a room applied in one tick, in revision order per document. The receiver's own operations are in it too: an
/// operation with the receiver's client id is the ack of its submission.
/// </summary>
public sealed record OperationBatch(IReadOnlyList<OperationBroadcast> Operations);

/// <summary>A cursor (anchor == head) or selection in a document, in UTF-16 offsets at a revision.</summary>
public sealed record CursorPosition(string DocumentId, long Revision, int Anchor, int Head);

public sealed record CursorBroadcast(Guid UserId, string Colour, CursorPosition Position);

/// <summary>
/// An "eerst schrijven, dan delen" round as one viewer may see it: who has written (<paramref name="WrittenBy"/>) is
/// public, the answers (<paramref name="Entries"/>) are only the viewer's own until the chair reveals the round.
/// </summary>
public sealed record WritingRoundView(Guid Id, Guid? AgendaItemId, string Prompt, string Status, IReadOnlyList<Guid> WrittenBy, IReadOnlyList<WritingEntryView> Entries);

public sealed record WritingEntryView(Guid AuthorId, string AuthorName, string Discipline, string Text, DateTime WrittenAtUtc);

/// <summary>The verslag of a closed meeting: its document, and whether (and at which revision) it is final.</summary>
public sealed record MinutesView(string DocumentId, string Status, long? FinalRevision)
{
    public static MinutesView Of(Core.Meetings.MeetingMinutes minutes) =>
        new(MeetingHub.MinutesDocument(minutes.MeetingId), minutes.IsFinal ? "Final" : "Draft", minutes.FinalRevision);
}

/// <summary>How many participants rated the meeting and their average (1–10), never who gave what.</summary>
public sealed record EvaluationSummary(int Count, double? Average);
