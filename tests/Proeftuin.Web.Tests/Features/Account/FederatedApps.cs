using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>
/// Two real Proeftuin apps: the provider on Kestrel (it is an OpenIddict server, with a confidential federation client
/// registered through configuration) and the app under test, whose "Log in met Gemeente Utrecht" uses it. Nothing is
/// mocked: the OIDC handler fetches discovery and keys, redeems the code and validates the signed id token over HTTP.
/// </summary>
public sealed class FederatedApps : IAsyncLifetime
{
    public const string ProviderName = "Gemeente Utrecht";
    private const string ClientId = "proeftuin-federation-test";
    private const string ClientSecret = "federation-secret-0123456789abcdef";

    public ConfiguredProeftuinFactory Provider { get; } = new(
        new Dictionary<string, string>
        {
            ["OpenIddict:Federation:ClientId"] = ClientId,
            ["OpenIddict:Federation:ClientSecret"] = ClientSecret,

            // The app under test is served by the in-memory test server at http://localhost.
            ["OpenIddict:Federation:RedirectUri"] = "http://localhost/signin-extern",
        },
        onKestrel: true);

    public ConfiguredProeftuinFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ConfiguredProeftuinFactory(new Dictionary<string, string>
        {
            ["Authentication:External:Name"] = ProviderName,
            ["Authentication:External:Authority"] = Provider.KestrelAddress.ToString(),
            ["Authentication:External:ClientId"] = ClientId,
            ["Authentication:External:ClientSecret"] = ClientSecret,
            ["Authentication:External:RequireHttpsMetadata"] = "false",
        });

        // The provider's first answer (compiling its OpenID Connect pipeline) can take a minute on a busy machine: paid
        // here, with a patient client, instead of inside the app's back-channel timeout during the first test.
        using var warmUp = new HttpClient { BaseAddress = Provider.KestrelAddress, Timeout = TimeSpan.FromMinutes(5) };
        using var discovery = await warmUp.GetAsync(new Uri(".well-known/openid-configuration", UriKind.Relative));
        discovery.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }

    /// <summary>A browser at the app under test: keeps cookies, and redirects are followed by the test itself.</summary>
    public HttpClient AppBrowser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Clicks "Log in met …" in <paramref name="app"/>, signs in at the provider as <paramref name="email"/> (password and
    /// TOTP, as the provider itself demands) and follows the way back: returns the app's answer on its callback page.
    /// </summary>
    public async Task<HttpResponseMessage> LoginAtProviderAsync(HttpClient app, string email)
    {
        using var challenge = await BrowserlessLogin.PostFormAsync(app, "/account/login", "/account/login?handler=External", new Dictionary<string, string>());
        var authorize = RedirectOf(challenge);
        Assert.StartsWith(Provider.KestrelAddress.ToString() + "connect/authorize", authorize.ToString(), StringComparison.Ordinal);

        using var providerBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Provider.KestrelAddress };
        using var toLogin = await providerBrowser.GetAsync(authorize);
        var login = PathOf(RedirectOf(toLogin));
        using var password = await BrowserlessLogin.PostFormAsync(providerBrowser, login, login, new Dictionary<string, string> { ["email"] = email, ["password"] = DemoAccounts.Password });
        var twoFactor = PathOf(RedirectOf(password));
        using var code = await BrowserlessLogin.PostFormAsync(providerBrowser, twoFactor, twoFactor, new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(DemoAccounts.AuthenticatorKey, Provider, account: email) });
        var resume = await ResumeAsync(providerBrowser, RedirectOf(code));
        using var granted = await providerBrowser.GetAsync(new Uri(resume, UriKind.Relative));
        var back = RedirectOf(granted);
        Assert.Equal("http://localhost/signin-extern", back.GetLeftPart(UriPartial.Path));

        using var redeemed = await app.GetAsync(new Uri(PathOf(back), UriKind.Relative));
        return await app.GetAsync(new Uri(PathOf(RedirectOf(redeemed)), UriKind.Relative));
    }

    /// <summary>An account that exists only at the provider: password, authenticator and e-mail as the provider has them.</summary>
    public async Task CreateProviderAccountAsync(string email, bool emailConfirmed)
    {
        await using var scope = Provider.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
        var user = new ProeftuinUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = emailConfirmed, TwoFactorEnabled = true, LockoutEnabled = true };
        Succeeded(await users.CreateAsync(user, DemoAccounts.Password));
        Succeeded(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.AuthenticatorKey));
    }

    public static Uri RedirectOf(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            ? response.Headers.Location!
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not a redirect");

    /// <summary>
    /// After two-factor login the provider sends the browser to its continue page (ADR 14), which navigates on to the
    /// authorization request: the page must answer with its refresh to that request, which is returned.
    /// </summary>
    public static async Task<string> ResumeAsync(HttpClient browser, Uri location)
    {
        var path = PathOf(location);
        Assert.StartsWith("/account/continue?", path, StringComparison.Ordinal);
        var resume = QueryHelpers.ParseQuery(path[path.IndexOf('?', StringComparison.Ordinal)..])["returnUrl"].ToString();
        using var page = await browser.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("http-equiv=\"refresh\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return resume;
    }

    /// <summary>Path and query of a Location header, absolute or relative, to request it from the client's own base address.</summary>
    public static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
