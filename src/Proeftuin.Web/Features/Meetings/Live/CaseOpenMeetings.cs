using Proeftuin.Web.Infrastructure.Caching;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The planned and live meetings with a case on their agenda, per case, so the case preparation's edit relay does not query
/// them for every findings check and every case-page edit of a typed case text (issue 19: a query per check was 4 % of
/// the server's CPU under the live load). Forgotten by <see cref="LiveCacheInvalidator"/> when an agenda
/// item of the case is saved on this node, and for every case when a meeting is; trusted for at most
/// <see cref="ForgettableCache{TValue}.MaxAge"/> otherwise (another node's change).
/// </summary>
public sealed class CaseOpenMeetings(TimeProvider time) : ForgettableCache<IReadOnlyList<Guid>>(time);
