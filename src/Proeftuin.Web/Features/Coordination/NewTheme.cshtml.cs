using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Recommendations;
using Proeftuin.Core.Anonymization;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Localization;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>Groups the recommendations ticked in the workspace into a new theme with a title and a synthesis.</summary>
public sealed class NewThemeModel(ProeftuinDbContext db, RecommendationCompilation compilation, CoordinatorGate gate, TextGuard guard, NeighbourhoodAccess access, AuditLog audit, TimeProvider time, IStringLocalizer<CoordinationText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public List<Guid> Ids { get; set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    /// <summary>What the guard refused in title or synthesis, shown with a one-click placeholder.</summary>
    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    [BindProperty]
    public string? Synthesis { get; set; }

    public IReadOnlyList<CompiledRecommendation> Selected { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("read", "RecommendationTheme", "new", cancellationToken))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (Selected.Count == 0)
        {
            ModelState.AddModelError(nameof(Ids), text["ChooseRecommendations"]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("create", "RecommendationTheme", null, cancellationToken))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);

        // A synthesis is exported and read across all wijken: the guarded names of the grouped recommendations' cases apply.
        var verdict = await guard.CheckAsync(
            await guard.CasesOfRecommendationsAsync([.. Selected.Select(s => s.Id)], cancellationToken), cancellationToken,
            new GuardedField(nameof(Title), Title ?? string.Empty), new GuardedField(nameof(Synthesis), Synthesis ?? string.Empty));
        if (!verdict.IsClear)
        {
            await audit.RecordAsync(new AuditEvent("create", "denied", "RecommendationTheme", Role: CoordinatorGate.Role), cancellationToken);
            GuardFindings = GuardForm.Refuse(this, verdict, new Dictionary<string, string> { [nameof(Title)] = Title ?? string.Empty, [nameof(Synthesis)] = Synthesis ?? string.Empty });
            return Page();
        }

        try
        {
            // Only ids that exist: a theme never points at a recommendation that is not there.
            var theme = new RecommendationTheme(Guid.NewGuid(), Title ?? string.Empty, Synthesis, Selected.Select(s => s.Id), access.UserId, time.GetUtcNow().UtcDateTime);
            db.RecommendationThemes.Add(theme);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEvent("create", "success", "RecommendationTheme", theme.Id.ToString(), Role: CoordinatorGate.Role), cancellationToken);
            TempData["StatusMessage"] = text["ThemeCreated", theme.Title].Value;
            return Redirect($"/coordinatie/themas/{theme.Id}");
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(ThemeForm.FieldOf(error.Code), error.MessageFor(HttpContext));
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, AmsterdamTime.Zone));
        Selected = Ids.Count == 0 ? [] : await compilation.ByIdsAsync(Ids.Distinct().Take(500).ToList(), cancellationToken);
    }
}
