using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Admin;

/// <summary>A new wijk: name, slug (filled from the name when left empty) and case-code prefix.</summary>
[Authorize(Policy = IdentitySetup.AdministratorWithTwoFactor)]
public sealed class NewNeighbourhoodModel(NeighbourhoodAdministration administration, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? CaseCodePrefix { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string T(string key, params object[] values) => text[key, values];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (outcome, created) = await administration.CreateAsync(new NeighbourhoodInput(Name, Slug, CaseCodePrefix), cancellationToken);
        if (outcome.Denied)
        {
            return Forbid();
        }

        if (!outcome.Done)
        {
            ModelState.Show(outcome, text);
            return Page();
        }

        StatusMessage = text["NeighbourhoodCreated", created!.Name];
        return Redirect($"/admin/wijken/{created.Id}");
    }
}
