using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>Who calls, in which meeting of which wijk, with which role there: what every room use case starts from.</summary>
public sealed record MeetingSeat(Guid MeetingId, Guid NeighbourhoodId, Guid UserId, MembershipRole Role);

/// <summary>The guard's answer: a seat, or the typed error the hub returns as is.</summary>
public readonly record struct Guarded(MeetingSeat? Seat, HubError? Error);

/// <summary>
/// The one guard of the meeting room (ADR 0018). A join resolves the meeting and the caller's role in its wijk and
/// keeps that seat on the connection (<see cref="HubCallerContext.Items"/>); every later call of a member reuses it
/// without asking the database, until <see cref="MembershipChanges"/> moved or <see cref="MaxAge"/> passed (then it
/// checks again), so typing costs no membership query. A chair's action (rare, and it changes the meeting) always reads
/// the role afresh. A membership removed on another node closes the connection at that node's next connection check.
/// </summary>
public sealed class MeetingCaller(ProeftuinDbContext db, Presence presence, MembershipChanges changes, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    public static readonly HubError NotJoined = new("meeting.not-joined", "Neem eerst deel aan de bespreking.");
    public static readonly HubError NotMember = new("forbidden", "Je bent geen lid van de wijk van deze bespreking.");
    public static readonly HubError NotChair = new("forbidden", "Alleen de voorzitter van de wijk leidt de bespreking.");
    public static readonly HubError Closed = new("meeting.closed", "Een gesloten bespreking kan niet meer worden gewijzigd.");
    public static readonly HubError Cancelled = new("meeting.cancelled", "Deze bespreking is geannuleerd.");

    private static readonly object Key = typeof(MeetingSeat);

    private sealed record Checked(MeetingSeat Seat, long Version, DateTimeOffset AtUtc);

    /// <summary>Takes a seat in the meeting: it exists and the caller is a member of its wijk (a refusal is audited).</summary>
    public async Task<Guarded> JoinAsync(HubCallerContext context, Guid meetingId)
    {
        var found = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.NeighbourhoodId, m.Status }).FirstOrDefaultAsync(context.ConnectionAborted);
        if (found is null)
        {
            return new(null, new HubError("meeting.unknown", "Deze bespreking bestaat niet."));
        }

        Guid? neighbourhood = found.NeighbourhoodId;

        var version = changes.Version;
        if (await RoleAsync(neighbourhood.Value, UserIdOf(context.User), context.ConnectionAborted) is not { } role)
        {
            await audit.RecordAsync(new AuditEvent("join", "denied", "Meeting", meetingId.ToString(), neighbourhood));
            return new(null, NotMember);
        }

        if (found.Status == MeetingStatus.Cancelled)
        {
            return new(null, Cancelled);
        }

        var seat = new MeetingSeat(meetingId, neighbourhood.Value, UserIdOf(context.User), role);
        context.Items[Key] = new Checked(seat, version, time.GetUtcNow());
        return new(seat, null);
    }

    /// <summary>A member of the wijk of the meeting this connection joined; <paramref name="open"/> also refuses a closed meeting.</summary>
    public async Task<Guarded> MemberAsync(HubCallerContext context, HubError? notJoined = null, bool open = false)
    {
        if (presence.MeetingOf(context.ConnectionId) is not { } meetingId)
        {
            return new(null, notJoined ?? NotJoined);
        }

        var seat = await CachedSeatAsync(context, meetingId);
        if (seat is null)
        {
            return new(null, NotMember);
        }

        return open && await db.Meetings.AnyAsync(m => m.Id == meetingId && m.Status == MeetingStatus.Closed, context.ConnectionAborted)
            ? new(null, Closed)
            : new(seat, null);
    }

    /// <summary>The chair of the meeting's wijk, read afresh; a refusal is audited under <paramref name="action"/>.</summary>
    public async Task<Guarded> ChairAsync(HubCallerContext context, string action)
    {
        var member = await MemberAsync(context);
        if (member.Seat is not { } seat)
        {
            return member;
        }

        if (await RoleAsync(seat.NeighbourhoodId, seat.UserId, context.ConnectionAborted) != MembershipRole.Chair)
        {
            await audit.RecordAsync(new AuditEvent(action, "denied", "Meeting", seat.MeetingId.ToString(), seat.NeighbourhoodId));
            return new(null, NotChair);
        }

        return new(seat with { Role = MembershipRole.Chair }, null);
    }

    /// <summary>The connection left its room: the seat goes with it.</summary>
    public static void Forget(HubCallerContext context) => context.Items.Remove(Key);

    private async Task<MeetingSeat?> CachedSeatAsync(HubCallerContext context, Guid meetingId)
    {
        var version = changes.Version;
        if (context.Items.TryGetValue(Key, out var cached) && cached is Checked known && known.Seat.MeetingId == meetingId
            && known.Version == version && time.GetUtcNow() - known.AtUtc < MaxAge)
        {
            return known.Seat;
        }

        var userId = UserIdOf(context.User);
        var neighbourhood = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.NeighbourhoodId).FirstAsync(context.ConnectionAborted);
        if (await RoleAsync(neighbourhood, userId, context.ConnectionAborted) is not { } role)
        {
            Forget(context);
            return null;
        }

        var seat = new MeetingSeat(meetingId, neighbourhood, userId, role);
        context.Items[Key] = new Checked(seat, version, time.GetUtcNow());
        return seat;
    }

    private Task<MembershipRole?> RoleAsync(Guid neighbourhoodId, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().Where(m => m.NeighbourhoodId == neighbourhoodId && m.ProfessionalId == userId)
            .Select(m => (MembershipRole?)m.Role).FirstOrDefaultAsync(cancellationToken);

    public static Guid UserIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? user?.FindFirstValue("sub"), out var id) ? id : Guid.Empty;
}
