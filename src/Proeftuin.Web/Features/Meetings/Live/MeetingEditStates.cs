using System.Collections.Frozen;
using Proeftuin.Core.Meetings;
using Proeftuin.Web.Infrastructure.Caching;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>What a submitted operation is checked against: the meeting's state, its agenda and its verslag.</summary>
public sealed record MeetingEditFacts(MeetingStatus Status, FrozenSet<Guid> AgendaCases, bool MinutesExist, bool MinutesFinal);

/// <summary>
/// The <see cref="MeetingEditFacts"/> per meeting, so typing does not query the database for them on every keystroke
/// (ADR 33). A change on this node forgets them at once (<see cref="LiveCacheInvalidator"/> sees every save of a
/// meeting, agenda item or verslag); a change on another node is seen after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class MeetingEditStates(TimeProvider time) : ForgettableCache<MeetingEditFacts>(time);
