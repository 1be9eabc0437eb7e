using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Proeftuin.Web.Features.Connect;

/// <summary>
/// The identity a professional's tokens carry, built the same way at /connect/authorize (from the two-factor cookie)
/// and at a refresh (from the account as it is now, so a changed role or name shows up in the new tokens).
/// </summary>
public static class ConnectIdentity
{
    /// <summary>
    /// The account's security stamp at the time of the grant. It has no destination, so it stays inside the (encrypted)
    /// authorization code and refresh token; a refresh after a password change or a forced sign-out finds another stamp
    /// and is refused even before the tokens are revoked.
    /// </summary>
    public const string SecurityStamp = "proeftuin:stamp";

    public static ClaimsIdentity For(ClaimsPrincipal user, ProeftuinUser account, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, user.FindFirstValue(ProeftuinClaims.DisplayName) ?? account.Email)
            .SetClaim(ProeftuinClaims.DisplayName, user.FindFirstValue(ProeftuinClaims.DisplayName))
            .SetClaim(ProeftuinClaims.Discipline, user.FindFirstValue(ProeftuinClaims.Discipline))
            .SetClaim("amr", "mfa")
            .SetClaim(SecurityStamp, account.SecurityStamp)
            .SetClaims(Claims.Role, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        identity.SetScopes(scopes);
        if (identity.HasScope(Scopes.Email))
        {
            // A relying party that federates with us links by e-mail, and only to an address we confirmed (invitation link).
            identity.SetClaim(Claims.Email, account.Email).SetClaim(Claims.EmailVerified, account.EmailConfirmed);
        }

        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        return identity;
    }

    /// <summary>Why a stored grant no longer holds for the account, or null when it still does.</summary>
    public static async Task<string?> RefusalAsync(UserManager<ProeftuinUser> users, ProeftuinUser? account, ClaimsPrincipal grant)
    {
        if (account is null)
        {
            return "Het account bestaat niet meer.";
        }

        if (await users.IsLockedOutAsync(account))
        {
            return "Het account is geblokkeerd.";
        }

        return grant.GetClaim(SecurityStamp) == account.SecurityStamp ? null : "De sessie is beëindigd; log opnieuw in.";
    }

    /// <summary>
    /// Everything the client may see goes into the access token; the id token gets the subject, and e-mail and name when
    /// their scope was granted. The security stamp goes nowhere a client can read.
    /// </summary>
    private static IEnumerable<string> DestinationsOf(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        SecurityStamp => [],
        Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Email or Claims.EmailVerified when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        _ => [Destinations.AccessToken],
    };
}
