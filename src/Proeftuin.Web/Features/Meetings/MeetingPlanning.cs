using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Meetings;

/// <summary>
/// Planning a meeting, shared by the API and the "Bespreking plannen" page so both apply the same rules: only the chair
/// of the wijk plans, and the whole agenda is checked before anything is saved.
/// </summary>
public static class MeetingPlanning
{
    /// <summary>Only the chair of the wijk may plan its meetings; a refusal is audit-logged.</summary>
    public static async Task<bool> MayPlanAsync(Guid neighbourhoodId, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        if (await access.RoleInAsync(neighbourhoodId, cancellationToken) == MembershipRole.Chair)
        {
            return true;
        }

        await audit.RecordAsync(new AuditEvent("create", "denied", "Meeting", NeighbourhoodId: neighbourhoodId), cancellationToken);
        return false;
    }

    /// <summary>
    /// Saves and audit-logs a planned meeting with its agenda, in the given order. Throws <see cref="DomainException"/>
    /// (Dutch message) when the title, a case or a timebox breaks a rule; nothing is saved then.
    /// </summary>
    public static async Task<Meeting> PlanAsync(
        Guid neighbourhoodId, string? title, DateTime scheduledStartUtc, IReadOnlyList<PlannedAgendaItem> agenda, ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, CancellationToken cancellationToken)
    {
        var caseIds = agenda.Select(a => a.CaseId).ToList();
        var cases = await db.CaseFiles.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var meeting = new Meeting(Guid.NewGuid(), neighbourhoodId, title ?? string.Empty, scheduledStartUtc, access.UserId);
        foreach (var item in agenda)
        {
            var caseFile = cases.GetValueOrDefault(item.CaseId)
                ?? throw new DomainException("meeting.agenda.unknown-case", "Een casus op de agenda bestaat niet.");
            meeting.AddToAgenda(Guid.NewGuid(), caseFile, item.TimeboxMinutes);
        }

        db.Meetings.Add(meeting);
        await Notifications.MeetingNotifications.PlannedAsync(db, meeting, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("create", "success", "Meeting", meeting.Id.ToString(), neighbourhoodId, "Chair"), cancellationToken);
        return meeting;
    }
}
