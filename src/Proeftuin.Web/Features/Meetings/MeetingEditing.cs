using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// The chair changes a planned meeting: title and start, the agenda's order, cases on and off it, their timeboxes, or
/// cancels it with a reason. The same rules as planning: only the chair of the wijk, only cases of the wijk; every
/// change and every refusal is audit-logged, and a change that breaks a rule saves nothing.
/// </summary>
public sealed class MeetingEditing(ProeftuinDbContext db, WijkAccess access, AuditLog audit, TimeProvider time)
{
    /// <summary>The meeting with its agenda when the user chairs its wijk; null when it does not exist or they do not (refusal audit-logged).</summary>
    public async Task<(Meeting? Meeting, bool Forbidden)> OpenAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return (null, false);
        }

        if (await access.RoleInAsync(meeting.NeighbourhoodId, cancellationToken) != MembershipRole.Chair)
        {
            await audit.RecordAsync(new AuditEvent("edit", "denied", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId), cancellationToken);
            return (null, true);
        }

        return (meeting, false);
    }

    /// <summary>Cases of the meeting's wijk that can still go on its agenda (not archived, not on it yet).</summary>
    public async Task<IReadOnlyList<AgendaCase>> AddableCasesAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var onAgenda = meeting.Agenda.Select(a => a.CaseFileId).ToList();
        return await db.CaseFiles.AsNoTracking()
            .Where(c => c.NeighbourhoodId == meeting.NeighbourhoodId && c.Status != CaseStatus.Archived && !onAgenda.Contains(c.Id))
            .OrderBy(c => c.Code)
            .Select(c => new AgendaCase(c.Id, c.Code, c.Title))
            .ToListAsync(cancellationToken);
    }

    public Task RescheduleAsync(Meeting meeting, string? title, DateTime startUtc, IReadOnlyDictionary<Guid, int> timeboxes, CancellationToken cancellationToken) =>
        ChangeAsync(meeting, "reschedule", m =>
        {
            m.Reschedule(title ?? string.Empty, startUtc);
            foreach (var (itemId, minutes) in timeboxes)
            {
                if (m.Agenda.FirstOrDefault(a => a.Id == itemId) is { } item && item.TimeboxMinutes != minutes)
                {
                    m.ChangeTimebox(itemId, minutes);
                }
            }
        }, cancellationToken);

    /// <summary>Moves an item one place up (-1) or down (+1).</summary>
    public Task MoveAsync(Meeting meeting, Guid agendaItemId, int step, CancellationToken cancellationToken) =>
        ChangeAsync(meeting, "agenda-move", m =>
        {
            var item = m.Agenda.FirstOrDefault(a => a.Id == agendaItemId)
                ?? throw new DomainException("meeting.agenda.unknown", "Dit agendapunt hoort niet bij deze bespreking.");
            m.MoveAgendaItem(agendaItemId, item.Position + Math.Sign(step));
        }, cancellationToken);

    public Task RemoveAsync(Meeting meeting, Guid agendaItemId, CancellationToken cancellationToken) =>
        ChangeAsync(meeting, "agenda-remove", m => m.RemoveFromAgenda(agendaItemId), cancellationToken);

    public async Task AddAsync(Meeting meeting, Guid? caseId, int minutes, CancellationToken cancellationToken)
    {
        var caseFile = caseId is null ? null : await db.CaseFiles.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        await ChangeAsync(meeting, "agenda-add", m =>
        {
            if (caseFile is null)
            {
                throw new DomainException("meeting.agenda.unknown-case", "Kies een casus om toe te voegen.");
            }

            if (m.Status != MeetingStatus.Planned)
            {
                throw new DomainException("meeting.status", "Dit kan alleen voordat de bespreking begint.");
            }

            m.AddToAgenda(Guid.NewGuid(), caseFile, minutes);
        }, cancellationToken);
    }

    public Task CancelAsync(Meeting meeting, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(meeting, "cancel", m => m.Cancel(reason ?? string.Empty, time.GetUtcNow().UtcDateTime), cancellationToken);

    /// <summary>Applies one change and saves it; a broken rule throws <see cref="DomainException"/> before anything is saved.</summary>
    private async Task ChangeAsync(Meeting meeting, string action, Action<Meeting> change, CancellationToken cancellationToken)
    {
        change(meeting);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("meeting.conflict", "De bespreking is tegelijk door iemand anders gewijzigd; laad de pagina opnieuw.");
        }

        await audit.RecordAsync(new AuditEvent(action, "success", "Meeting", meeting.Id.ToString(), meeting.NeighbourhoodId, "Chair"), cancellationToken);
    }
}
