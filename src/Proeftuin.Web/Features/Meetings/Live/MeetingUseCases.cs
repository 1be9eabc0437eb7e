namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The meeting's use cases the room calls besides entering and editing (ADR 0019): the chair's conduct of the meeting
/// with its closing and verslag, writing rounds, evaluations, recommendations. One scoped parameter keeps the hub's constructor to its
/// roles (guard, room, editing, use cases); each service is used and tested on its own.
/// </summary>
public sealed record MeetingUseCases(MeetingConduct Conduct, WritingRounds WritingRounds, MeetingEvaluations Evaluations, Recommendations.LiveRecommendations Recommendations, MeetingSteering Steering);
