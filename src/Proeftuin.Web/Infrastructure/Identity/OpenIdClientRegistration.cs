using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Registers the known clients at start-up: the public "proeftuin-cli" (code + PKCE, loopback redirect) and, when
/// configured, one confidential integration client (<c>OpenIddict:Integration:ClientId</c> / <c>:ClientSecret</c>) and one
/// confidential federation client (<c>OpenIddict:Federation:ClientId</c> / <c>:ClientSecret</c> / <c>:RedirectUri</c>):
/// another Proeftuin (or any relying party) that lets its users log in here with code + PKCE and reads their e-mail.
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

    private async Task RegisterFederationClientAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var clientId = configuration["OpenIddict:Federation:ClientId"];
        var secret = configuration["OpenIddict:Federation:ClientSecret"];
        var redirectUri = configuration["OpenIddict:Federation:RedirectUri"];
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(secret) || string.IsNullOrWhiteSpace(redirectUri)
            || await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return;
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect))
        {
            throw new StartupConfigurationException("De instelling OpenIddict:Federation:RedirectUri is geen geldige URL.");
        }

        await applications.CreateAsync(
            new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Federatie",
                RedirectUris = { redirect },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            },
            cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
