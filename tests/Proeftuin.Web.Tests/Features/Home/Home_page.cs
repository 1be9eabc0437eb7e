using System.Net;
using Proeftuin.Web.Infrastructure.Security;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Home;

public sealed class Home_page(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Coordinator_sees_the_three_demo_wijken_from_the_database_in_dutch()
    {
        using var client = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        foreach (var neighbourhood in new[] { "Leidsche Rijn", "Ondiep", "Binnenstad" })
        {
            Assert.Contains($"<h2 class=\"utrecht-heading-2\">{neighbourhood}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("3 casussen", html, StringComparison.Ordinal);
        Assert.Contains("Volgende bespreking:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_sees_only_the_wijken_they_belong_to()
    {
        using var client = await factory.SignedInAsync("sanne.visser@demo.proeftuin.nl");

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(">Leidsche Rijn</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Ondiep</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Binnenstad</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Ingelogd als Sanne Visser", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switches_to_english_on_request()
    {
        using var client = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        var html = await client.GetStringAsync(new Uri("/?culture=en-GB&ui-culture=en-GB", UriKind.Relative));

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Neighbourhoods", html, StringComparison.Ordinal);
        Assert.Contains("3 cases", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_served_with_a_strict_content_security_policy()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        using var again = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([A-Za-z0-9+/=]{24})'").Groups[1].Value;
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy(nonce), csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.NotEqual(csp, Assert.Single(again.Headers.GetValues("Content-Security-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, "pages are not cached");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loads_the_locally_bundled_design_system()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/dist/styles.css[^\"]*)\"").Groups[1].Value;

        var css = await client.GetStringAsync(new Uri(href, UriKind.Relative));

        Assert.Contains(".utrecht-heading-1", css, StringComparison.Ordinal);
        Assert.Contains("--utrecht-", css, StringComparison.Ordinal);
    }
}
