using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Language;

/// <summary>
/// The language switch in the header posts here: the choice goes into ASP.NET Core's culture cookie, which
/// CookieRequestCultureProvider reads on every later request (pages, API, the hub's connection), then back to the page.
/// Open to everyone: the login page has the switch too.
/// </summary>
[AllowAnonymous]
public sealed class ChooseModel : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(SafeReturnUrl(returnUrl));

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = culture == LocalizationSetup.English.Name ? LocalizationSetup.English : LocalizationSetup.Dutch;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
            });
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>Only a path of this app (no other host, no "//evil"): the switch is no open redirect.</summary>
    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
