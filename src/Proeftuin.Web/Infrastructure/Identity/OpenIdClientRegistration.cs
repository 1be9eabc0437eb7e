using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Registers the known clients at start-up: the public "proeftuin-cli" (code + PKCE, loopback redirect) and, when
/// configured, one confidential integration client (<c>OpenIddict:Integration:ClientId</c> / <c>:ClientSecret</c>) and one
/// confidential federation client (<c>OpenIddict:Federation:ClientId</c> / <c>:ClientSecret</c> / <c>:RedirectUri</c> /
/// <c>:PostLogoutRedirectUri</c>): another Proeftuin (or any relying party) that lets its users log in here with code +
/// PKCE, reads their e-mail, keeps a refresh token and ends the session here when they log out there.
/// </summary>
public sealed class OpenIdClientRegistration(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public const string CliClientId = "proeftuin-cli";
    public const string CliRedirectUri = "http://127.0.0.1/callback";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(CliClientId, cancellationToken) is null)
        {
            await applications.CreateAsync(
                new OpenIddictApplicationDescriptor
                {
                    ClientId = CliClientId,
                    ClientType = ClientTypes.Public,
                    DisplayName = "Proeftuin command line",
                    RedirectUris = { new Uri(CliRedirectUri) },
                    Permissions =
                    {
                        Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                        Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + OpenIdConnectSetup.ApiScope,
                    },
                    Requirements = { Requirements.Features.ProofKeyForCodeExchange },
                },
                cancellationToken);
        }

        var integrationId = configuration["OpenIddict:Integration:ClientId"];
        var integrationSecret = configuration["OpenIddict:Integration:ClientSecret"];
        if (!string.IsNullOrWhiteSpace(integrationId) && !string.IsNullOrWhiteSpace(integrationSecret)
            && await applications.FindByClientIdAsync(integrationId, cancellationToken) is null)
        {
            await applications.CreateAsync(
                new OpenIddictApplicationDescriptor
                {
                    ClientId = integrationId,
                    ClientSecret = integrationSecret,
                    ClientType = ClientTypes.Confidential,
                    DisplayName = "Integratie",
                    Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + OpenIdConnectSetup.ApiScope },
                },
                cancellationToken);
        }

        await RegisterFederationClientAsync(applications, cancellationToken);
    }

    /// <summary>
    /// The federation client is created, or brought up to date when its settings or our permissions changed: code +
    /// PKCE, refresh tokens (offline_access; it is confidential, so it can keep them), userinfo, revocation and
    /// end-session with its optional post-logout redirect URI.
    /// </summary>
    private async Task RegisterFederationClientAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var clientId = configuration["OpenIddict:Federation:ClientId"];
        var secret = configuration["OpenIddict:Federation:ClientSecret"];
        var redirectUri = configuration["OpenIddict:Federation:RedirectUri"];
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(secret) || string.IsNullOrWhiteSpace(redirectUri))
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Federatie",
            RedirectUris = { AbsoluteUri("OpenIddict:Federation:RedirectUri", redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (configuration["OpenIddict:Federation:PostLogoutRedirectUri"] is { Length: > 0 } postLogout)
        {
            descriptor.PostLogoutRedirectUris.Add(AbsoluteUri("OpenIddict:Federation:PostLogoutRedirectUri", postLogout));
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    private static Uri AbsoluteUri(string setting, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new StartupConfigurationException($"De instelling {setting} is geen geldige URL.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
