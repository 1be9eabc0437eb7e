using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Proeftuin.Web.Features.Connect;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us: /connect/authorize (a signed-in professional who
/// completed two-factor login grants a client a code), /connect/token (code → token, refresh, or client credentials),
/// /connect/userinfo and /connect/endsession (<see cref="SessionEndpoints"/>). Revocation (/connect/revoke) OpenIddict
/// answers itself. Anonymous at the routing level because they authenticate themselves: the cookie, the client or the
/// token.
/// </summary>
public static class ConnectEndpoints
{
    public static RouteGroupBuilder MapConnect(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").AllowAnonymous().WithTags("OpenID Connect").DisableAntiforgery();
        group.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        group.MapPost("/token", TokenAsync);
        group.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], SessionEndpoints.UserInfoAsync);
        group.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], SessionEndpoints.EndSessionAsync);
        return group;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, AuditLog audit, UserManager<ProeftuinUser> users)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (CrossSiteArrival.BounceIfCookieWithheld(context, cookie) is { } bounce)
        {
            return bounce;
        }

        var account = cookie.Succeeded && cookie.Principal.HasClaim("amr", "mfa") ? await users.GetUserAsync(cookie.Principal) : null;
        if (account is null)
        {
            // Sign in first (password + two-factor), then come back here with the same request.
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(context.Request.HasFormContentType ? [.. context.Request.Form] : [.. context.Request.Query]) },
                [IdentityConstants.ApplicationScheme]);
        }

        var identity = ConnectIdentity.For(cookie.Principal!, account, request.GetScopes());
        await audit.RecordAsync(new AuditEvent("token-grant", "success", "Client", request.ClientId));
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(
        HttpContext context, IOpenIddictApplicationManager applications, AuditLog audit, UserManager<ProeftuinUser> users, SignInManager<ProeftuinUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict validated the code, the client and the PKCE verifier; the principal is the one granted above.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(result.Principal!, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsRefreshTokenGrantType())
        {
            return await RefreshAsync(context, request, audit, users, signIn);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Onbekende client.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, await applications.GetClientIdAsync(application))
                .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            await audit.RecordAsync(new AuditEvent("token-grant", "success", "Client", request.ClientId, UserName: request.ClientId));
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Niet ondersteund", detail: "Deze grant type wordt niet ondersteund.");
    }

    /// <summary>
    /// OpenIddict checked the refresh token (signature, entry not redeemed or revoked, client); we check the account:
    /// still there, not locked, same security stamp. The new tokens carry the account's claims as they are now, and
    /// OpenIddict rolls the refresh token (the one just used is redeemed).
    /// </summary>
    private static async Task<IResult> RefreshAsync(
        HttpContext context, OpenIddictRequest request, AuditLog audit, UserManager<ProeftuinUser> users, SignInManager<ProeftuinUser> signIn)
    {
        var grant = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        var account = await users.FindByIdAsync(grant.GetClaim(Claims.Subject) ?? string.Empty);
        if (await ConnectIdentity.RefusalAsync(users, account, grant) is { } refusal)
        {
            await audit.RecordAsync(new AuditEvent("token-refresh", "denied", "Client", request.ClientId, UserId: account?.Id, UserName: account?.Email));
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = refusal,
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var current = await signIn.CreateUserPrincipalAsync(account!);
        var identity = ConnectIdentity.For(current, account!, grant.GetScopes());

        // The same authorization, so reuse of an old refresh token revokes this whole chain.
        identity.SetAuthorizationId(grant.GetAuthorizationId());
        await audit.RecordAsync(new AuditEvent("token-refresh", "success", "Client", request.ClientId, UserId: account!.Id, UserName: account.Email));
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
