using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Connect;

/// <summary>
/// The Node relying party (openid-client) on its own port, Proeftuin on real Kestrel with that relying party registered
/// as its confidential federation client (configuration, as an operator would do it), and Chromium.
/// </summary>
public sealed class RelyingPartySession : IAsyncLifetime
{
    public const string ClientId = "e2e-relying-party";
    public const string ClientSecret = "e2e-relying-party-secret-0123456789abcdef";

    private IPlaywright? _playwright;

    public RelyingPartyProcess RelyingParty { get; private set; } = null!;

    public KestrelAppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RelyingParty = await RelyingPartyProcess.StartAsync(ClientId, ClientSecret);
        App = new KestrelAppFactory(new Dictionary<string, string>
        {
            ["OpenIddict:Federation:ClientId"] = ClientId,
            ["OpenIddict:Federation:ClientSecret"] = ClientSecret,
            ["OpenIddict:Federation:RedirectUri"] = RelyingParty.RedirectUri.ToString(),
            ["OpenIddict:Federation:PostLogoutRedirectUri"] = RelyingParty.PostLogoutRedirectUri.ToString(),
        });
        await RelyingParty.UseIssuerAsync(App.BaseAddress);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserSession.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (RelyingParty is not null)
        {
            await RelyingParty.DisposeAsync();
        }
    }
}
