using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>
/// A sign-in an OpenID Connect client started ends on our continue page, so the browser reaches the client's redirect
/// URI by a fresh navigation instead of a redirect after the form post, and the CSP keeps <c>form-action 'self'</c>;
/// a cross-site arrival at a /connect endpoint passes it too, so the SameSite=Strict cookie comes along.
/// </summary>
public sealed class Sign_in_resumed_by_a_client(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Two_factor_login_for_an_authorization_request_lands_on_the_continue_page_that_resumes_it()
    {
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?> { ["client_id"] = "proeftuin-cli", ["scope"] = "openid" });

        var landed = await LoginAsync(browser, authorize);
        using var page = await browser.GetAsync(new Uri(landed, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("/account/continue?returnUrl=" + Uri.EscapeDataString(authorize), landed);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"http-equiv=\"refresh\" content=\"0; url='{authorize.Replace("&", "&amp;", StringComparison.Ordinal)}'\"", html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_return_url_is_reached_directly()
    {
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal("/archief", await LoginAsync(browser, "/archief"));
    }

    [Theory]
    [InlineData("/archief")]
    [InlineData("https://evil.example/connect/authorize?x=1")]
    [InlineData("//evil.example/connect/authorize")]
    public async Task The_continue_page_only_resumes_a_local_authorization_request(string returnUrl)
    {
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await LoginAsync(browser, "/");

        using var page = await browser.GetAsync(new Uri("/account/continue?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/", page.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/connect/authorize?client_id=proeftuin-cli&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")]
    [InlineData("/connect/endsession?state=x")]
    public async Task A_cross_site_arrival_without_the_strict_cookie_goes_once_through_the_continue_page(string request)
    {
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var crossSite = await GetAsync(browser, request, "cross-site");
        using var sameOrigin = await GetAsync(browser, request, "same-origin");

        Assert.Equal("/account/continue?returnUrl=" + Uri.EscapeDataString(request), crossSite.Headers.Location!.OriginalString);
        Assert.DoesNotContain("/account/continue", sameOrigin.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient browser, string path, string fetchSite)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await browser.SendAsync(request);
    }

    /// <summary>Password and TOTP with <paramref name="returnUrl"/>: where the two-factor step sends the browser.</summary>
    private async Task<string> LoginAsync(HttpClient browser, string returnUrl)
    {
        var login = "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        using var password = await BrowserlessLogin.PostFormAsync(browser, login, login, new Dictionary<string, string> { ["email"] = "joost.mulder@demo.proeftuin.nl", ["password"] = DemoAccounts.Password });
        var twoFactor = FederatedApps.PathOf(FederatedApps.RedirectOf(password));
        using var code = await BrowserlessLogin.PostFormAsync(browser, twoFactor, twoFactor, new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(DemoAccounts.AuthenticatorKey, factory, account: "joost.mulder@demo.proeftuin.nl") });
        return FederatedApps.PathOf(FederatedApps.RedirectOf(code));
    }
}
