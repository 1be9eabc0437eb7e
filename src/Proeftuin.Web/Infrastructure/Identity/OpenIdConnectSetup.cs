using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Proeftuin.Data;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// OpenIddict as the OpenID Connect provider: authorization code + PKCE for public clients (a CLI or app signs in a
/// professional), client credentials for integrations. The API accepts these bearer tokens next to the cookie.
/// Userinfo, end-session (with post-logout redirect) and revocation endpoints; refresh tokens (offline_access) only for
/// confidential clients that were given the refresh-token grant, rolled on every use with no reuse leeway, so an old
/// refresh token is refused at once (and its reuse revokes the whole grant). Bearer tokens are checked against their
/// database entry on every call, so a revoked token (logout, see <see cref="OpenIdTokenRevocation"/>) stops working at once.
/// Keys: ephemeral in Development and tests; certificates from configuration (OpenIddict:SigningCertificate and
/// OpenIddict:EncryptionCertificate, PFX path + password) everywhere else. Plain HTTP only in Development and tests.
/// </summary>
public static class OpenIdConnectSetup
{
    public const string ApiScope = "proeftuin.api";

    public static IServiceCollection AddProeftuinOpenIdConnect(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment() || environment.IsEnvironment("Testing");

        // Loaded now, so a missing or wrong certificate stops start-up with a message that names the setting.
        var signing = development ? null : LoadCertificate(configuration, "OpenIddict:SigningCertificate");
        var encryption = development ? null : LoadCertificate(configuration, "OpenIddict:EncryptionCertificate");
        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProeftuinDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.AllowClientCredentialsFlow();
                options.AllowRefreshTokenFlow();
                options.RegisterScopes(
                    OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.Profile,
                    OpenIddictConstants.Scopes.OfflineAccess, ApiScope);
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));

                // Rolling refresh tokens are OpenIddict's default; without leeway the old one is refused at once.
                options.SetRefreshTokenLifetime(TimeSpan.FromHours(12)).SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                if (development)
                {
                    options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                }
                else
                {
                    options.AddSigningCertificate(signing!);
                    options.AddEncryptionCertificate(encryption!);
                }

                var aspNetCore = options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough();
                if (development)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                options.EnableAuthorizationEntryValidation().EnableTokenEntryValidation();
            });

        services.AddScoped<OpenIdTokenRevocation>();
        services.AddHostedService<OpenIdClientRegistration>();
        return services;
    }

    /// <summary>The schemes an API call may authenticate with: the browser's cookie or a bearer token.</summary>
    public static readonly string[] ApiSchemes = [IdentityConstants.ApplicationScheme, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme];

    private static X509Certificate2 LoadCertificate(IConfiguration configuration, string key) =>
        CertificateSettings.Load(configuration, key, "het PFX-certificaat waarmee OpenID Connect-tokens worden beveiligd");
}
