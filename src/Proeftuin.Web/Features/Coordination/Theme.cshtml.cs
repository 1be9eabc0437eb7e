using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Recommendations;
using Proeftuin.Core.Anonymization;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Localization;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>One theme: its synthesis, its recommendations, the exports; the coordinator edits title, synthesis and grouping.</summary>
public sealed class ThemeModel(ProeftuinDbContext db, RecommendationCompilation compilation, CoordinatorGate gate, TextGuard guard, AuditLog audit, TimeProvider time, IStringLocalizer<CoordinationText> text) : PageModel
{
    public RecommendationTheme Theme { get; private set; } = null!;

    public IReadOnlyList<CompiledRecommendation> Recommendations { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    /// <summary>What the guard refused in title or synthesis, shown with a one-click placeholder.</summary>
    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    [BindProperty]
    public string? Synthesis { get; set; }

    [BindProperty]
    public List<Guid> Ids { get; set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("read", "RecommendationTheme", id.ToString(), cancellationToken))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (Title, Synthesis) = (Theme.Title, Theme.Synthesis);
        await audit.RecordAsync(new AuditEvent("read", "success", "RecommendationTheme", id.ToString(), Role: CoordinatorGate.Role), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("update", "RecommendationTheme", id.ToString(), cancellationToken))
        {
            return Forbid();
        }

        var theme = await db.RecommendationThemes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }

        var verdict = await guard.CheckAsync(
            await guard.CasesOfRecommendationsAsync([.. theme.RecommendationIds], cancellationToken), cancellationToken,
            new GuardedField(nameof(Title), Title ?? string.Empty), new GuardedField(nameof(Synthesis), Synthesis ?? string.Empty));
        if (!verdict.IsClear)
        {
            await audit.RecordAsync(new AuditEvent("update", "denied", "RecommendationTheme", id.ToString(), Role: CoordinatorGate.Role), cancellationToken);
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            GuardFindings = GuardForm.Refuse(this, verdict, new Dictionary<string, string> { [nameof(Title)] = Title ?? string.Empty, [nameof(Synthesis)] = Synthesis ?? string.Empty });
            return Page();
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            theme.Describe(Title ?? string.Empty, Synthesis, now);

            // Unticking a recommendation takes it out of the theme; nothing else can be added here.
            theme.Regroup(theme.RecommendationIds.Where(Ids.Contains).ToList(), now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(ThemeForm.FieldOf(error.Code), error.MessageFor(HttpContext));
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        await audit.RecordAsync(new AuditEvent("update", "success", "RecommendationTheme", id.ToString(), Role: CoordinatorGate.Role), cancellationToken);
        StatusMessage = text["ThemeSaved"];
        return Redirect($"/coordinatie/themas/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var theme = await db.RecommendationThemes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return false;
        }

        Theme = theme;
        Recommendations = await compilation.ByIdsAsync([.. theme.RecommendationIds], cancellationToken);
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, AmsterdamTime.Zone));
        return true;
    }
}
