using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Proeftuin.Web.Features.Connect;

/// <summary>
/// /connect/userinfo (who the access token is for, limited to its scopes) and /connect/endsession (a client ends the
/// professional's session here: cookie gone, every OpenID Connect token of the account revoked, back to the client's
/// registered post-logout redirect URI).
/// </summary>
public static class SessionEndpoints
{
    /// <summary>
    /// OpenIddict validated the access token (signature, lifetime, entry not revoked). Only a professional's token is
    /// answered; a client-credentials token has no person behind it.
    /// </summary>
    public static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<ProeftuinUser> users, AuditLog audit)
    {
        var token = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        var account = await users.FindByIdAsync(token.GetClaim(Claims.Subject) ?? string.Empty);
        if (account is null || await users.IsLockedOutAsync(account))
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Dit token hoort niet bij een actief account.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = account.Id.ToString() };
        if (token.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = token.GetClaim(Claims.Name) ?? account.Email!;
        }

        if (token.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = account.Email!;
            claims[Claims.EmailVerified] = account.EmailConfirmed;
        }

        await audit.RecordAsync(new AuditEvent("userinfo", "success", "Account", account.Id.ToString(), UserId: account.Id, UserName: token.GetClaim(Claims.ClientId)));
        return Results.Ok(claims);
    }

    /// <summary>
    /// Signs out silently only when the client proves whose session it ends: its id_token_hint names the signed-in
    /// professional. Without that a third party could sign someone out by a link; the professional gets the logout page
    /// to confirm instead. OpenIddict checks the post_logout_redirect_uri against the client's registered ones.
    /// </summary>
    public static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<ProeftuinUser> signIn, OpenIdTokenRevocation revocation, AuditLog audit)
    {
        var hint = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (CrossSiteArrival.BounceIfCookieWithheld(context, cookie) is { } bounce)
        {
            return bounce;
        }

        if (cookie.Succeeded)
        {
            var userId = cookie.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
            if (hint?.GetClaim(Claims.Subject) is not { } subject || subject != userId)
            {
                return Results.LocalRedirect("/account/logout");
            }

            await audit.RecordAsync(new AuditEvent("logout", "success", "Account", userId, UserId: Guid.Parse(userId)));
            await signIn.SignOutAsync();
            await revocation.RevokeForUserAsync(Guid.Parse(userId), "end-session", context.RequestAborted);
        }

        // To the client's post_logout_redirect_uri (with its state) when it gave one, else to the login page.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/login" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
