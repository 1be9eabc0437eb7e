using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// What every administration page does after a change: done, back to the page with a message (post, redirect, get);
/// not a beheerder, 403; refused, the page again with the reason next to its field and in the summary.
/// </summary>
public abstract class AdminPageModel(IStringLocalizer<AdminText> text) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public string T(string key, params object[] values) => text[key, values];

    /// <summary>A refusal next to its field and in the summary, in the user's language.</summary>
    protected void Show(AdminOutcome outcome) => ModelState.Show(outcome, text);

    /// <param name="done">The message shown after the redirect.</param>
    /// <param name="back">Where a done change leads.</param>
    /// <param name="reload">Loads what a refused change shows again; false when it is gone (404).</param>
    protected async Task<IActionResult> AfterAsync(AdminOutcome outcome, Func<string> done, string back, Func<Task<bool>> reload)
    {
        if (outcome.Denied)
        {
            return Forbid();
        }

        if (outcome.Done)
        {
            StatusMessage = done();
            return Redirect(back);
        }

        if (!await reload())
        {
            return NotFound();
        }

        Show(outcome);
        return Page();
    }
}
