using Microsoft.AspNetCore.Authentication;
using Proeftuin.Web.Features.Account;

namespace Proeftuin.Web.Features.Connect;

/// <summary>
/// A client sends the browser to /connect/authorize or /connect/endsession from its own site. The session cookie is
/// <c>SameSite=Strict</c>, so on that cross-site navigation (or a redirect chain that started on another site) it is
/// not sent, and a signed-in professional would look signed out: asked to log in again, or not signed out at all.
/// The browser says so in <c>Sec-Fetch-Site</c>; such a GET goes once through our continue page, whose same-origin
/// navigation brings the cookie along (ADR 14). The second arrival is same-origin, so this never loops.
/// </summary>
public static class CrossSiteArrival
{
    public static IResult? BounceIfCookieWithheld(HttpContext context, AuthenticateResult cookie)
    {
        var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
        if (cookie.Succeeded || !HttpMethods.IsGet(context.Request.Method) || site is not ("cross-site" or "same-site"))
        {
            return null;
        }

        return Results.LocalRedirect(ContinueModel.PathFor(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
    }
}
