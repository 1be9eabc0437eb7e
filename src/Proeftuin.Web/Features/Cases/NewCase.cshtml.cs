using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Forms;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Cases;

/// <summary>A member of the wijk starts a new case: title, age band and themes; the text starts from the Utrecht template.</summary>
public sealed class NewCaseModel(
    ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard guard, AuditLog audit, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>What the guard refused in title or themes, shown with a one-click placeholder.</summary>
    public IReadOnlyList<GuardFindingView> GuardFindings { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "wijk")]
    public string? NeighbourhoodSlug { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public AgeBand? AgeBand { get; set; }

    /// <summary>Comma separated, optional.</summary>
    [BindProperty]
    public string? Themes { get; set; }

    public Neighbourhood Neighbourhood { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadNeighbourhoodAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.ReplaceBindingErrors(text["InvalidValue"]);
        if (await LoadNeighbourhoodAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // The two required fields are checked here so both errors show at once; the domain checks the rest.
        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), text["TitleRequired"]);
        }

        if (AgeBand is not { } ageBand || !Enum.IsDefined(ageBand))
        {
            ModelState.AddModelError(nameof(AgeBand), text["AgeBandRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var themes = (Themes ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var caseFile = await CaseCreation.CreateAsync(Neighbourhood, Title, AgeBand!.Value, themes, db, access, guard, audit, time, cancellationToken);
            TempData[nameof(CaseModel.StatusMessage)] = text["CaseCreated", caseFile.Code].Value;
            return RedirectToPage("/Cases/Case", new { id = caseFile.Id });
        }
        catch (GuardRefusedException refused)
        {
            GuardFindings = GuardForm.Refuse(this, refused.Verdict, new Dictionary<string, string> { ["Title"] = Title ?? string.Empty, ["Themes"] = string.Join(", ", (Themes ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) });
            return Page();
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(FieldOf(error.Code), error.MessageFor(HttpContext));
            return Page();
        }
    }

    /// <summary>Null when the user may create a case in the wijk; otherwise 404 or 403 (audit-logged).</summary>
    private async Task<IActionResult?> LoadNeighbourhoodAsync(CancellationToken cancellationToken)
    {
        var neighbourhood = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == NeighbourhoodSlug, cancellationToken);
        if (neighbourhood is null)
        {
            return NotFound();
        }

        if (!await CaseCreation.MayCreateAsync(neighbourhood.Id, access, audit, cancellationToken))
        {
            return Forbid();
        }

        Neighbourhood = neighbourhood;
        return null;
    }

    private static string FieldOf(string code) => code switch
    {
        "case.title" => nameof(Title),
        "case.ageband" => nameof(AgeBand),
        "case.themes" => nameof(Themes),
        _ => string.Empty,
    };
}
