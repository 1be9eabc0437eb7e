using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The chair steers a live meeting: back a phase, on to the next case or to any case on the agenda. Only the chair of
/// the meeting's wijk may; every attempt is audit-logged; a refused step changes nothing. The hub only broadcasts the
/// <see cref="MeetingState"/> this returns, so the rules are testable without SignalR.
/// </summary>
public sealed class MeetingSteering(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, TimeProvider time)
{
    public Task<HubResult<MeetingState>> ReturnToPreviousPhaseAsync(ClaimsPrincipal? user, Guid? meetingId, CancellationToken cancellationToken) =>
        SteerAsync(user, meetingId, "previous-phase", (meeting, now) => meeting.ReturnToPreviousPhase(now), cancellationToken);

    public Task<HubResult<MeetingState>> MoveToNextItemAsync(ClaimsPrincipal? user, Guid? meetingId, CancellationToken cancellationToken) =>
        SteerAsync(user, meetingId, "next-item", (meeting, now) => meeting.MoveToNextItem(now), cancellationToken);

    public Task<HubResult<MeetingState>> MoveToItemAsync(ClaimsPrincipal? user, Guid? meetingId, Guid agendaItemId, CancellationToken cancellationToken) =>
        SteerAsync(user, meetingId, "move-to-item", (meeting, now) => meeting.MoveToItem(agendaItemId, now), cancellationToken);

    private async Task<HubResult<MeetingState>> SteerAsync(
        ClaimsPrincipal? user, Guid? meetingId, string action, Action<Meeting, DateTime> change, CancellationToken cancellationToken)
    {
        access.UseUser(user);
        if (meetingId is null)
        {
            return HubResult<MeetingState>.Fail("meeting.not-joined", "Neem eerst deel aan de bespreking.");
        }

        var meeting = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return HubResult<MeetingState>.Fail("meeting.unknown", "Deze bespreking bestaat niet.");
        }

        if (await access.RoleInAsync(meeting.NeighbourhoodId, cancellationToken) != MembershipRole.Chair)
        {
            await audit.RecordAsync(new AuditEvent(action, "denied", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId), cancellationToken);
            return HubResult<MeetingState>.Fail("forbidden", "Alleen de voorzitter van de wijk leidt de bespreking.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            change(meeting, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            return HubResult<MeetingState>.Fail(error.Code, error.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another connection of the chair changed the meeting since we read it: nothing of ours was saved.
            return HubResult<MeetingState>.Fail("meeting.conflict", "De bespreking is tegelijk door iemand anders gewijzigd; probeer het opnieuw.");
        }

        await audit.RecordAsync(new AuditEvent(action, "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Chair"), cancellationToken);
        return HubResult<MeetingState>.Success(MeetingViews.State(meeting, now));
    }
}
