using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Web.Features.Account;

/// <summary>
/// A page of our own that navigates on to an OpenID Connect endpoint (/connect/authorize or /connect/endsession), so
/// that navigation starts here, on our origin, instead of inside a redirect chain (ADR 14):
/// <list type="bullet">
/// <item>after the two-factor login of a sign-in a client started: Chromium applies the form page's CSP
/// <c>form-action 'self'</c> to every redirect after the form post, so POST → /connect/authorize → the client's
/// redirect URI on another origin would be blocked;</item>
/// <item>when a client sends the browser to us from another site: the session cookie is <c>SameSite=Strict</c> and is
/// not sent on that cross-site navigation, so the endpoint would not see who is signed in.</item>
/// </list>
/// The meta refresh (and the link, for a browser that ignores it) is a new, same-origin navigation and not a form
/// submission, so the CSP and the cookie stay as strict as everywhere else. Anonymous: it only ever sends the browser
/// to one of those two local endpoints, which authenticate on their own.
/// </summary>
[AllowAnonymous]
public sealed class ContinueModel : PageModel
{
    private static readonly string[] Endpoints = ["/connect/authorize", "/connect/endsession"];

    public string ReturnUrl { get; private set; } = "/";

    public IActionResult OnGet(string? returnUrl)
    {
        if (!IsConnectRequest(returnUrl) || !Url.IsLocalUrl(returnUrl))
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
        return IsConnectRequest(target) ? page.RedirectToPage("/Account/Continue", new { returnUrl = target }) : page.LocalRedirect(target);
    }

    /// <summary>The path of this page that resumes <paramref name="connectRequest"/> (path and query of a /connect request).</summary>
    public static string PathFor(string connectRequest) => "/account/continue?returnUrl=" + Uri.EscapeDataString(connectRequest);

    private static bool IsConnectRequest(string? url) =>
        url is not null && Endpoints.Any(endpoint =>
            url.Equals(endpoint, StringComparison.OrdinalIgnoreCase) || url.StartsWith(endpoint + "?", StringComparison.OrdinalIgnoreCase));
}
