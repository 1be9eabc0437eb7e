using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;

namespace Proeftuin.Web.Features.Home;

/// <summary>The start page: the wijken with their members, cases and next meeting.</summary>
public sealed class IndexModel(ProeftuinDbContext db, TimeProvider time) : PageModel
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public IReadOnlyList<NeighbourhoodSummary> Neighbourhoods { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Neighbourhoods = await db.Neighbourhoods
            .AsNoTracking()
            .OrderBy(n => n.Name)
            .Select(n => new NeighbourhoodSummary(
                n.Id,
                n.Name,
                n.Slug,
                db.Memberships.Count(m => m.NeighbourhoodId == n.Id),
                db.CaseFiles.Count(c => c.NeighbourhoodId == n.Id),
                db.Meetings
                    .Where(m => m.NeighbourhoodId == n.Id && m.Status != MeetingStatus.Closed && m.ScheduledStartUtc >= now.Date)
                    .OrderBy(m => m.ScheduledStartUtc)
                    .Select(m => (DateTime?)m.ScheduledStartUtc)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public string FormatDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Amsterdam).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);
}

public sealed record NeighbourhoodSummary(Guid Id, string Name, string Slug, int MemberCount, int CaseCount, DateTime? NextMeetingUtc);
