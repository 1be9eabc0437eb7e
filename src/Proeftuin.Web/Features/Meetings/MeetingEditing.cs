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
/// change and every refusal is audit-logged. Changes are applied to the meeting first and saved together by
/// <see cref="SaveAsync"/>, so a change that breaks a rule saves nothing.
/// </summary>
public sealed class MeetingEditing(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, TimeProvider time)
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

    /// <summary>Title, start and the timeboxes as typed (by agenda item id); applied to the meeting, saved by <see cref="SaveAsync"/>.</summary>
    public static void Reschedule(Meeting meeting, string? title, DateTime startUtc, IReadOnlyDictionary<Guid, int> timeboxes)
    {
        meeting.Reschedule(title ?? string.Empty, startUtc);
        foreach (var (itemId, minutes) in timeboxes)
        {
            if (meeting.Agenda.FirstOrDefault(a => a.Id == itemId) is { } item && item.TimeboxMinutes != minutes)
            {
                meeting.ChangeTimebox(itemId, minutes);
            }
        }
    }

    /// <summary>Moves an item one place up (-1) or down (+1).</summary>
    public static void Move(Meeting meeting, Guid agendaItemId, int step)
    {
        var item = meeting.Agenda.FirstOrDefault(a => a.Id == agendaItemId)
            ?? throw new DomainException("meeting.agenda.unknown", "Dit agendapunt hoort niet bij deze bespreking.");
        meeting.MoveAgendaItem(agendaItemId, item.Position + Math.Sign(step));
    }

    public static void Remove(Meeting meeting, Guid agendaItemId) => meeting.RemoveFromAgenda(agendaItemId);

    /// <summary>Puts a case on the agenda of the planned meeting; the domain checks it is of the meeting's wijk.</summary>
    public async Task AddAsync(Meeting meeting, Guid? caseId, int minutes, CancellationToken cancellationToken)
    {
        if (meeting.Status != MeetingStatus.Planned)
        {
            throw new DomainException("meeting.status", "Dit kan alleen voordat de bespreking begint.");
        }

        var caseFile = (caseId is null ? null : await db.CaseFiles.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken))
            ?? throw new DomainException("meeting.agenda.unknown-case", "Kies een casus om toe te voegen.");
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, minutes);
    }

    public void Cancel(Meeting meeting, string? reason) => meeting.Cancel(reason ?? string.Empty, time.GetUtcNow().UtcDateTime);

    /// <summary>Saves what was applied to the meeting, all at once, and audit-logs it as <paramref name="action"/>.</summary>
    public async Task SaveAsync(Meeting meeting, string action, CancellationToken cancellationToken)
    {
        // The members' calendars follow in the same transaction: a cancellation, or an update when time or title changed.
        var entry = db.Entry(meeting);
        if (meeting.Status == MeetingStatus.Cancelled && entry.Property(m => m.Status).IsModified)
        {
            await Notifications.MeetingNotifications.CancelledAsync(db, meeting, cancellationToken);
        }
        else if (entry.Property(m => m.ScheduledStartUtc).IsModified || entry.Property(m => m.Title).IsModified)
        {
            await Notifications.MeetingNotifications.ChangedAsync(db, meeting, cancellationToken);
        }

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
