using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Admin;

/// <summary>A new wijk: name, slug (filled from the name when left empty) and case-code prefix.</summary>
[Authorize(Policy = IdentitySetup.AdministratorWithTwoFactor)]
public sealed class NewNeighbourhoodModel(NeighbourhoodAdministration administration, IStringLocalizer<AdminText> text) : NeighbourhoodFormModel(text)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (outcome, created) = await administration.CreateAsync(Input, cancellationToken);
        return await AfterAsync(outcome, () => T("NeighbourhoodCreated", created!.Name), $"/admin/wijken/{created?.Id}", () => Task.FromResult(true));
    }
}
