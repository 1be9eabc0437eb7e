using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web.Features.Admin;

/// <summary>The pages with the wijk form (<c>_NeighbourhoodFields</c>): a new wijk and an existing one.</summary>
public abstract class NeighbourhoodFormModel(IStringLocalizer<AdminText> text) : AdminPageModel(text)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? CaseCodePrefix { get; set; }

    protected NeighbourhoodInput Input => new(Name, Slug, CaseCodePrefix);

    /// <summary>The form shows the wijk as it is stored, not what was typed.</summary>
    protected void ShowStored(NeighbourhoodRow neighbourhood) =>
        (Name, Slug, CaseCodePrefix) = (neighbourhood.Name, neighbourhood.Slug, neighbourhood.CaseCodePrefix);
}
