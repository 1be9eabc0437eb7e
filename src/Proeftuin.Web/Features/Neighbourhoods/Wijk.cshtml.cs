using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Neighbourhoods;

/// <summary>
/// One wijk for its members: who is in it, its cases and its meetings. Case titles are shown, so members only; a
/// coordinator or beheerder role alone does not open it.
/// </summary>
public sealed class WijkModel(ProeftuinDbContext db, WijkAccess access, AuditLog audit, TimeProvider time) : PageModel
{
    public Neighbourhood Wijk { get; private set; } = null!;

    public bool IsChair { get; private set; }

    public IReadOnlyList<WijkMember> Members { get; private set; } = [];

    public IReadOnlyList<WijkCase> Cases { get; private set; } = [];

    public IReadOnlyList<WijkMeeting> Meetings { get; private set; } = [];

    /// <summary>Set by a page that redirects here, e.g. after planning a meeting.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var wijk = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
        if (wijk is null)
        {
            return NotFound();
        }

        var role = await access.RoleInAsync(wijk.Id, cancellationToken);
        if (role is null)
        {
            await audit.RecordAsync(new AuditEvent("read", "denied", "Neighbourhood", wijk.Id.ToString(), wijk.Id), cancellationToken);
            return Forbid();
        }

        Wijk = wijk;
        IsChair = role == MembershipRole.Chair;
        Members = await (
                from m in db.Memberships.AsNoTracking()
                join p in db.Professionals.AsNoTracking() on m.ProfessionalId equals p.Id
                where m.NeighbourhoodId == wijk.Id
                orderby p.DisplayName
                select new WijkMember(p.DisplayName, p.Discipline, m.Role, p.Organisation))
            .ToListAsync(cancellationToken);
        Cases = await db.CaseFiles.AsNoTracking()
            .Where(c => c.NeighbourhoodId == wijk.Id)
            .OrderBy(c => c.Code)
            .Select(c => new WijkCase(c.Id, c.Code, c.Title, c.AgeBand, c.Status))
            .ToListAsync(cancellationToken);
        Meetings = WijkMeeting.InListOrder(
            await db.Meetings.AsNoTracking()
                .Where(m => m.NeighbourhoodId == wijk.Id)
                .Select(m => new WijkMeeting(
                    m.Id, m.Title, m.ScheduledStartUtc, m.Status, m.Agenda.Count,
                    db.MeetingEvaluations.Where(e => e.MeetingId == m.Id).Average(e => (double?)e.Score),
                    db.MeetingEvaluations.Count(e => e.MeetingId == m.Id),
                    m.CancellationReason))
                .ToListAsync(cancellationToken),
            time.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(new AuditEvent("read", "success", "Neighbourhood", wijk.Id.ToString(), wijk.Id, role.ToString()), cancellationToken);
        return Page();
    }

    public string FormatDate(DateTime utc) => AmsterdamTime.Format(utc);
}

public sealed record WijkMember(string Name, Discipline Discipline, MembershipRole Role, string? Organisation);

public sealed record WijkCase(Guid Id, string Code, string Title, AgeBand AgeBand, CaseStatus Status);

/// <summary>
/// A meeting of the wijk; <paramref name="AverageScore"/> is the participants' average rating (1–10), if any;
/// <paramref name="CancellationReason"/> why the chair cancelled it.
/// </summary>
public sealed record WijkMeeting(
    Guid Id, string Title, DateTime ScheduledStartUtc, MeetingStatus Status, int AgendaItems, double? AverageScore, int Ratings, string? CancellationReason = null)
{
    /// <summary>
    /// The meeting running now and those still to come first, soonest at the top (9 December above 16 December), then
    /// the past ones, the latest first. A planned or cancelled meeting counts as coming until its day is over.
    /// </summary>
    public static IReadOnlyList<WijkMeeting> InListOrder(IEnumerable<WijkMeeting> meetings, DateTime nowUtc)
    {
        bool Upcoming(WijkMeeting m) => m.Status == MeetingStatus.Live || (m.Status != MeetingStatus.Closed && m.ScheduledStartUtc >= nowUtc.AddHours(-12));
        var all = meetings.ToList();
        return [.. all.Where(Upcoming).OrderBy(m => m.ScheduledStartUtc), .. all.Where(m => !Upcoming(m)).OrderByDescending(m => m.ScheduledStartUtc)];
    }
}
