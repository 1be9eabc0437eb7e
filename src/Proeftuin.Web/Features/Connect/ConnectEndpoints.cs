using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure;
using Proeftuin.Web.Infrastructure.Audit;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Proeftuin.Web.Features.Connect;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us: /connect/authorize (a signed-in professional who
/// completed two-factor login grants a client a code) and /connect/token (code → token, or client credentials).
/// Anonymous at the routing level because they authenticate themselves: the cookie here, the client at the token.
/// </summary>
public static class ConnectEndpoints
{
    public static RouteGroupBuilder MapConnect(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").AllowAnonymous().WithTags("OpenID Connect").DisableAntiforgery();
        group.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        group.MapPost("/token", TokenAsync);
        return group;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, AuditLog audit, UserManager<ProeftuinUser> users)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || !cookie.Principal.HasClaim("amr", "mfa"))
        {
            // Sign in first (password + two-factor), then come back here with the same request.
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(context.Request.HasFormContentType ? [.. context.Request.Form] : [.. context.Request.Query]) },
                [IdentityConstants.ApplicationScheme]);
        }

        var user = cookie.Principal;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.FindFirstValue(ClaimTypes.NameIdentifier))
            .SetClaim(Claims.Name, user.FindFirstValue(ProeftuinClaims.DisplayName) ?? user.Identity?.Name)
            .SetClaim(ProeftuinClaims.DisplayName, user.FindFirstValue(ProeftuinClaims.DisplayName))
            .SetClaim(ProeftuinClaims.Discipline, user.FindFirstValue(ProeftuinClaims.Discipline))
            .SetClaim("amr", "mfa")
            .SetClaims(Claims.Role, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        if (request.HasScope(Scopes.Email) && await users.GetUserAsync(user) is { } account)
        {
            // A relying party that federates with us links by e-mail, and only to an address we confirmed (invitation link).
            identity.SetClaim(Claims.Email, account.Email).SetClaim(Claims.EmailVerified, account.EmailConfirmed);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        await audit.RecordAsync(new AuditEvent("token-grant", "success", "Client", request.ClientId));
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Everything goes into the access token; the id token gets the subject, and e-mail and name when their scope was granted.</summary>
    private static IEnumerable<string> DestinationsOf(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email or Claims.EmailVerified when identity.HasScope(Scopes.Email) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name when identity.HasScope(Scopes.Profile) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };

    private static async Task<IResult> TokenAsync(HttpContext context, IOpenIddictApplicationManager applications, AuditLog audit)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict validated the code, the client and the PKCE verifier; the principal is the one granted above.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(result.Principal!, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
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
}
