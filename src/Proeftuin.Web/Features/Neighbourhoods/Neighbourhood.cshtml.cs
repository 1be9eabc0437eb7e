using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Neighbourhoods;

/// <summary>
/// One wijk for its members: who is in it, its cases and its meetings. Case titles are shown, so members only; a
/// coordinator or beheerder role alone does not open it.
/// </summary>
public sealed class NeighbourhoodModel(ProeftuinDbContext db, NeighbourhoodAccess access, AuditLog audit, TimeProvider time, RecommendationFollowUp followUp) : PageModel
{
    public Neighbourhood Neighbourhood { get; private set; } = null!;

    public bool IsChair { get; private set; }

    public IReadOnlyList<NeighbourhoodMember> Members { get; private set; } = [];

    public IReadOnlyList<NeighbourhoodCase> Cases { get; private set; } = [];

    public IReadOnlyList<NeighbourhoodMeeting> Meetings { get; private set; } = [];

    /// <summary>The wijk's open recommendations, overdue first: what still needs doing after the meetings.</summary>
    public IReadOnlyList<OpenAction> OpenActions { get; private set; } = [];

    public DateOnly Today => followUp.Today;

    /// <summary>Set by a page that redirects here, e.g. after planning a meeting.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        var role = await access.RoleInAsync(neighbourhood.Id, cancellationToken);
        if (role is null)
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "Neighbourhood", neighbourhood.Id.ToString(), neighbourhood.Id), cancellationToken);
            return Forbid();
        }

        Neighbourhood = neighbourhood;
        IsChair = role == MembershipRole.Chair;
        Members = await (
                from m in db.Memberships.AsNoTracking()
                join p in db.Professionals.AsNoTracking() on m.ProfessionalId equals p.Id
                where m.NeighbourhoodId == neighbourhood.Id
                orderby p.DisplayName
                select new NeighbourhoodMember(p.DisplayName, p.Discipline, m.Role, p.Organisation))
            .ToListAsync(cancellationToken);
        Cases = await db.CaseFiles.AsNoTracking()
            .Where(c => c.NeighbourhoodId == neighbourhood.Id)
            .OrderBy(c => c.Code)
            .Select(c => new NeighbourhoodCase(c.Id, c.Code, c.Title, c.AgeBand, c.Status))
            .ToListAsync(cancellationToken);
        Meetings = NeighbourhoodMeeting.InListOrder(
            await db.Meetings.AsNoTracking()
                .Where(m => m.NeighbourhoodId == neighbourhood.Id)
                .Select(m => new NeighbourhoodMeeting(
                    m.Id, m.Title, m.ScheduledStartUtc, m.Status, m.Agenda.Count,
                    db.MeetingEvaluations.Where(e => e.MeetingId == m.Id).Average(e => (double?)e.Score),
                    db.MeetingEvaluations.Count(e => e.MeetingId == m.Id),
                    m.CancellationReason))
                .ToListAsync(cancellationToken),
            time.GetUtcNow().UtcDateTime);
        OpenActions = await followUp.OpenInNeighbourhoodAsync(neighbourhood.Id, cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "Neighbourhood", neighbourhood.Id.ToString(), neighbourhood.Id, role.ToString()), cancellationToken);
        return Page();
    }

    public string FormatDate(DateTime utc) => AmsterdamTime.Format(utc);
}

public sealed record NeighbourhoodMember(string Name, Discipline Discipline, MembershipRole Role, string? Organisation);

public sealed record NeighbourhoodCase(Guid Id, string Code, string Title, AgeBand AgeBand, CaseStatus Status);

/// <summary>
/// A meeting of the wijk; <paramref name="AverageScore"/> is the participants' average rating (1–10), if any;
/// <paramref name="CancellationReason"/> why the chair cancelled it.
/// </summary>
public sealed record NeighbourhoodMeeting(
    Guid Id, string Title, DateTime ScheduledStartUtc, MeetingStatus Status, int AgendaItems, double? AverageScore, int Ratings, string? CancellationReason = null)
{
    /// <summary>
    /// The meeting running now and those still to come first, soonest at the top (9 December above 16 December), then
    /// the past ones, the latest first. A planned or cancelled meeting counts as coming until its day is over.
    /// </summary>
    public static IReadOnlyList<NeighbourhoodMeeting> InListOrder(IEnumerable<NeighbourhoodMeeting> meetings, DateTime nowUtc)
    {
        bool Upcoming(NeighbourhoodMeeting m) => m.Status == MeetingStatus.Live || (m.Status != MeetingStatus.Closed && m.ScheduledStartUtc >= nowUtc.AddHours(-12));
        var all = meetings.ToList();
        return [.. all.Where(Upcoming).OrderBy(m => m.ScheduledStartUtc), .. all.Where(m => !Upcoming(m)).OrderByDescending(m => m.ScheduledStartUtc)];
    }
}
