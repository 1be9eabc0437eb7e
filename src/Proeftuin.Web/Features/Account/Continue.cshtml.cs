using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Web.Features.Account;

/// <summary>
/// The last step of a sign-in that an OpenID Connect client started: a page of our own that navigates on to
/// /connect/authorize. Chromium applies the two-factor page's CSP <c>form-action 'self'</c> to every redirect after the
/// form post, so a chain POST → /connect/authorize → the client's redirect URI on another origin is blocked. This page
/// ends the chain; its meta refresh (and the link, for a browser that ignores it) is a new navigation, not a form
/// submission, so the CSP stays as strict as everywhere else (ADR 10).
/// </summary>
public sealed class ContinueModel : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public IActionResult OnGet(string? returnUrl)
    {
        if (!IsAuthorizationRequest(returnUrl) || !Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect("/");
        }

        ReturnUrl = returnUrl!;
        return Page();
    }

    /// <summary>Where a completed sign-in goes: through this page when it resumes an authorization request, else straight on.</summary>
    public static IActionResult After(PageModel page, string? returnUrl)
    {
        var target = page.Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        return IsAuthorizationRequest(target) ? page.RedirectToPage("/Account/Continue", new { returnUrl = target }) : page.LocalRedirect(target);
    }

    private static bool IsAuthorizationRequest(string? url) =>
        url is not null && (url.Equals("/connect/authorize", StringComparison.OrdinalIgnoreCase) || url.StartsWith("/connect/authorize?", StringComparison.OrdinalIgnoreCase));
}
