using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Localization;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>Every theme, last changed first.</summary>
public sealed class ThemesModel(ProeftuinDbContext db, CoordinatorGate gate, AuditLog audit) : PageModel
{
    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("read", "RecommendationThemes", null, cancellationToken))
        {
            return Forbid();
        }

        var themes = await db.RecommendationThemes.AsNoTracking().OrderByDescending(t => t.UpdatedAtUtc).ToListAsync(cancellationToken);
        Themes = [.. themes.Select(t => new ThemeSummary(t.Id, t.Title, t.RecommendationIds.Count, t.UpdatedAtUtc))];
        await audit.RecordAsync(new AuditEvent("read", "success", "RecommendationThemes", Role: CoordinatorGate.Role), cancellationToken);
        return Page();
    }

    public static string FormatDate(DateTime utc) => AmsterdamTime.Format(utc);
}

public sealed record ThemeSummary(Guid Id, string Title, int Recommendations, DateTime UpdatedAtUtc);
