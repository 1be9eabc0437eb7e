using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Seeding;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Features.Connect;

/// <summary>
/// A standard relying party (openid-client, OpenID Certified) on another origin, driven through Chromium: the
/// professional starts signed out, logs in here with password and TOTP inside the flow, and the relying party reports
/// what it got at each step. The CSP of the login pages stays <c>form-action 'self'</c> throughout (ADR 14).
/// </summary>
/// <remarks>In the browser collection, so it never runs beside the other browser tests on a small machine.</remarks>
[Collection(BrowserCollection.Name)]
public sealed class Relying_party_in_the_browser(RelyingPartySession session) : IClassFixture<RelyingPartySession>
{
    private const string Email = "esra.yilmaz@demo.proeftuin.nl";

    [Fact]
    public async Task A_relying_party_signs_a_professional_in_reads_userinfo_refreshes_revokes_and_ends_the_session()
    {
        await using var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL" });

        // Generous: the way holds two servers' round trips and back-channel calls, on a machine that may be loaded.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var cspViolations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspViolations.Enqueue(message.Text);
            }
        };
        var provider = session.App.BaseAddress;
        var relyingParty = session.RelyingParty;

        // Signed out: the relying party sends the browser to /connect/authorize, which asks for the login first.
        // Only until the first response: the rest of the way is redirects and the continue page's refresh.
        await page.GotoAsync(new Uri(relyingParty.Address, "/login?round=rotation").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(provider, "/account/login").ToString(), StringComparison.Ordinal), Committed);
        Assert.Contains(Uri.EscapeDataString("/connect/authorize"), page.Url, StringComparison.Ordinal);

        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByLabel("Code uit de authenticator-app").FillAsync(await Totp.NextCodeAsync(DemoAccounts.AuthenticatorKey, session.App, account: Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();

        // Back at the relying party with a code; it exchanged it and did the rest on its back channel.
        await page.WaitForURLAsync(url => url.StartsWith(relyingParty.RedirectUri.ToString(), StringComparison.Ordinal), Committed);
        var report = await ReportAsync(page);
        var userId = await UserIdAsync();

        Assert.True(report.GetProperty("code").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("idToken").GetProperty("valid").GetBoolean());
        Assert.True(report.GetProperty("idToken").GetProperty("nonceMatched").GetBoolean());
        Assert.Equal(userId, Text(report, "idToken", "sub"));
        Assert.Equal(provider.ToString(), Text(report, "idToken", "iss"));
        Assert.True(report.GetProperty("refreshTokenIssued").GetBoolean());
        Assert.Equal(userId, Text(report, "userinfo", "sub"));
        Assert.Equal("Esra Yılmaz", Text(report, "userinfo", "name"));
        Assert.Equal(Email, Text(report, "userinfo", "email"));
        Assert.True(report.GetProperty("refresh").GetProperty("newAccessToken").GetBoolean());
        Assert.True(report.GetProperty("refresh").GetProperty("newRefreshToken").GetBoolean());
        Assert.Equal(userId, Text(report, "refresh", "userinfoSubAfterRefresh"));
        Assert.Equal("invalid_grant", Text(report, "refresh", "oldRefreshTokenRefused"));

        // Still signed in here: a second authorization (from the relying party's site, so through the continue page
        // that brings the SameSite=Strict cookie) comes straight back with a code, no login pages.
        await page.GetByRole(AriaRole.Link, new() { Name = "Opnieuw inloggen" }).ClickAsync();
        // Left waiting for the load event: the page is at the redirect URI already, before the new one arrives.
        await page.WaitForURLAsync(url => url.StartsWith(relyingParty.RedirectUri.ToString(), StringComparison.Ordinal));
        var second = await ReportAsync(page);
        Assert.True(second.GetProperty("code").GetBoolean(), second.ToString());
        Assert.Equal(userId, Text(second, "idToken", "sub"));
        Assert.True(second.GetProperty("revocation").GetProperty("revoked").GetBoolean());
        Assert.Equal("invalid_grant", Text(second, "revocation", "refreshAfterRevocation"));

        // RP-initiated logout: end-session with the ID token, back to the registered post-logout redirect URI. The
        // navigation comes from the relying party's site, so it passes the continue page to bring the Strict cookie.
        await page.GetByRole(AriaRole.Link, new() { Name = "Afmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(relyingParty.PostLogoutRedirectUri.ToString(), StringComparison.Ordinal), Committed);
        var signedOut = await ReportAsync(page);
        Assert.True(signedOut.GetProperty("signedOut").GetBoolean(), signedOut.ToString());

        // The session at the provider ended too: its home page asks for the login again.
        await page.GotoAsync(provider.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login", Committed);
        Assert.Empty(cspViolations);
    }

    /// <summary>
    /// Waits until the URL is committed, not until the page's load event: on a loaded machine Chromium once never
    /// reported the login page's load event within 120 s although the page was there (the wait sat in
    /// WaitForLoadStateAsync with only "networkidle" seen). What follows waits for the elements it uses.
    /// </summary>
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private static async Task<JsonElement> ReportAsync(IPage page) =>
        JsonDocument.Parse(await page.Locator("#report").InnerTextAsync()).RootElement.Clone();

    private static string? Text(JsonElement report, string step, string property) => report.GetProperty(step).GetProperty(property).GetString();

    private async Task<string> UserIdAsync()
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
        return (await users.FindByEmailAsync(Email))!.Id.ToString();
    }
}
