using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Home;

/// <summary>
/// The start page: my wijken with their members, cases and next meeting. Coordinators and beheerders see every wijk
/// (names and numbers only: no case text is shown here).
/// </summary>
public sealed class IndexModel(ProeftuinDbContext db, TimeProvider time, AuditLog audit) : PageModel
{
    public IReadOnlyList<NeighbourhoodSummary> Neighbourhoods { get; private set; } = [];

    /// <summary>Wijkafspraken of my wijken whose review date has come.</summary>
    public IReadOnlyList<ReviewReminder> Reminders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var seesAll = User.IsInRole(GlobalRoles.Coordinator) || User.IsInRole(GlobalRoles.Administrator);
        var neighbourhoods = db.Neighbourhoods.AsNoTracking();
        if (!seesAll)
        {
            neighbourhoods = neighbourhoods.Where(n => db.Memberships.Any(m => m.NeighbourhoodId == n.Id && m.ProfessionalId == userId));
        }

        Neighbourhoods = await neighbourhoods
            .OrderBy(n => n.Name)
            .Select(n => new NeighbourhoodSummary(
                n.Id,
                n.Name,
                n.Slug,
                db.Memberships.Count(m => m.NeighbourhoodId == n.Id),
                db.Memberships.Any(m => m.NeighbourhoodId == n.Id && m.ProfessionalId == userId),
                db.CaseFiles.Count(c => c.NeighbourhoodId == n.Id),
                db.Meetings
                    .Where(m => m.NeighbourhoodId == n.Id && (m.Status == MeetingStatus.Planned || m.Status == MeetingStatus.Live) && m.ScheduledStartUtc >= now.Date)
                    .OrderBy(m => m.ScheduledStartUtc)
                    .Select(m => (DateTime?)m.ScheduledStartUtc)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Infrastructure.Localization.AmsterdamTime.Zone));
        Reminders = await (
                from a in db.NeighbourhoodAgreements.AsNoTracking()
                join n in db.Neighbourhoods.AsNoTracking() on a.NeighbourhoodId equals n.Id
                where a.Status != Core.Agreements.AgreementStatus.Ended && a.ReviewDate <= today
                    && db.Memberships.Any(m => m.NeighbourhoodId == a.NeighbourhoodId && m.ProfessionalId == userId)
                orderby a.ReviewDate
                select new ReviewReminder(a.Title, n.Name, n.Slug, a.ReviewDate))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent("read", "success", "NeighbourhoodList", Role: seesAll ? "Overview" : "Member"), cancellationToken);
    }

    public string FormatDate(DateTime utc) => AmsterdamTime.Format(utc);
}

/// <summary>A wijk on the start page; <paramref name="IsMember"/> decides whether its wijk page is offered.</summary>
public sealed record NeighbourhoodSummary(Guid Id, string Name, string Slug, int MemberCount, bool IsMember, int CaseCount, DateTime? NextMeetingUtc);

public sealed record ReviewReminder(string Title, string NeighbourhoodName, string NeighbourhoodSlug, DateOnly ReviewDate);
