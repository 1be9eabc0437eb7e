using System.Net;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>The app (one per test class, so each class has its own window) with the production limit of 10 login attempts per minute per client address.</summary>
public sealed class LowLoginLimitFactory : IAsyncLifetime
{
    public ConfiguredProeftuinFactory App { get; } = new(new Dictionary<string, string>(), settings: new DemoAppSettings { LoginPermitLimit = 10 });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

public sealed class Login_rate_limit(LowLoginLimitFactory factory) : IClassFixture<LowLoginLimitFactory>
{
    [Fact]
    public async Task Eleventh_login_attempt_in_a_minute_gets_429()
    {
        using var client = factory.App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var response = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = "niemand@demo.proeftuin.nl", ["password"] = "Verkeerd-wachtwoord-1" });
            statuses.Add(response.StatusCode);
        }

        using var eleventh = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = "niemand@demo.proeftuin.nl", ["password"] = "Verkeerd-wachtwoord-1" });
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.InRange(eleventh.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("application/problem+json", eleventh.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Te veel pogingen. Probeer het over een minuut opnieuw.", await eleventh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

/// <summary>One budget for all login pages: the two-factor, forgot-password and set-password posts count too.</summary>
public sealed class Login_rate_limit_over_all_login_pages(LowLoginLimitFactory factory) : IClassFixture<LowLoginLimitFactory>
{
    [Fact]
    public async Task Eleventh_post_to_any_login_page_in_a_minute_gets_429()
    {
        using var client = factory.App.CreateClient();
        var paths = new[] { "/account/two-factor", "/account/forgot-password", "/account/set-password" };
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var response = await client.PostAsync(new Uri(paths[attempt % paths.Length], UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..10]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}

/// <summary>The limit is attached to the pages, not to exact paths: a trailing slash or other casing is the same page and the same budget.</summary>
public sealed class Login_rate_limit_for_every_spelling_of_the_paths(LowLoginLimitFactory factory) : IClassFixture<LowLoginLimitFactory>
{
    [Fact]
    public async Task Trailing_slash_and_case_variants_of_the_login_pages_are_limited_too()
    {
        using var client = factory.App.CreateClient();
        var paths = new[] { "/account/login/", "/ACCOUNT/LOGIN", "/Account/Two-Factor/", "/account/FORGOT-password/", "/Account/Set-Password/" };
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            using var response = await client.PostAsync(new Uri(paths[attempt % paths.Length], UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..10]);
        Assert.DoesNotContain(HttpStatusCode.NotFound, statuses[..10]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}
