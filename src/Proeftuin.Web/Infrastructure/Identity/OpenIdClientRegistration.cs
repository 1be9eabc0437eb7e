using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Proeftuin.Web.Infrastructure.Identity;

/// <summary>
/// Registers the known clients at start-up: the public "proeftuin-cli" (code + PKCE, loopback redirect) and, when
/// configured, one confidential integration client (<c>OpenIddict:Integration:ClientId</c> / <c>:ClientSecret</c>).
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
