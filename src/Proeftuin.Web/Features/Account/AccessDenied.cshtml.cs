using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Web.Features.Account;

/// <summary>No access. A user who signed in with a password only is sent on to enrol two-factor authentication.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true && !User.HasClaim("amr", "mfa"))
        {
            return RedirectToPage("Enrol", new { ReturnUrl = returnUrl });
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
