using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The meeting's use cases the room calls besides entering and editing (ADR 0019): the chair's conduct of the meeting
/// with its closing and verslag, writing rounds, evaluations. One scoped parameter keeps the hub's constructor to its
/// roles (guard, room, editing, use cases); each service is used and tested on its own.
/// </summary>
public sealed record MeetingUseCases(MeetingConduct Conduct, WritingRounds WritingRounds, MeetingEvaluations Evaluations, RoomRecommendations Recommendations);

/// <summary>
/// What MeetingHub.Recommendations.cs uses until recommendations become their own feature (issue 16): its
/// collaborators unchanged, gathered so the hub's constructor stays small. Goes when that file calls a recommendations service.
/// </summary>
public sealed record RoomRecommendations(ProeftuinDbContext Db, WijkAccess Access, Presence Presence, Anonymization.TextGuard TextGuard, AuditLog Audit, TimeProvider Time);
