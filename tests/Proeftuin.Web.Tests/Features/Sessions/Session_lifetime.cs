using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Sessions;

/// <summary>The app on a clock the test moves (FakeTimeProvider from the real time of now, so TOTP codes still match).</summary>
public sealed class FakeClockFactory : WebApplicationFactory<Program>
{
    // The codes are checked on the clock the test moves (Single_use_codes steps it on by hand).
    private readonly DemoAppSettings _settings = new() { AuthenticatorOnWallClock = false };

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _settings.Apply(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _settings.Delete();
    }
}

/// <summary>A browser session lasts 30 minutes without activity and 12 hours at most, however active it is.</summary>
public sealed class Session_lifetime(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task Thirty_minutes_without_a_request_ends_the_session()
    {
        using var client = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        Assert.Equal("/", await LandingOfHomeAsync(client));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.StartsWith("/account/login", await LandingOfHomeAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twelve_hours_after_the_sign_in_the_session_ends_however_active()
    {
        using var client = await factory.SignedInAsync("esra.yilmaz@demo.proeftuin.nl");
        var landings = new List<string>();

        // A request every 29 minutes keeps the session alive (sliding) ... up to 11 h 36 min after the sign-in ...
        for (var step = 1; step <= 24; step++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(29));
            landings.Add(await LandingOfHomeAsync(client));
        }

        // ... and not past 12 hours.
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        var afterTwelveHours = await LandingOfHomeAsync(client);

        Assert.All(landings, landed => Assert.Equal("/", landed));
        Assert.StartsWith("/account/login", afterTwelveHours, StringComparison.Ordinal);
    }

    private static async Task<string> LandingOfHomeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }
}

/// <summary>Logout and a password change end sessions on the server, not only in the browser that asked.</summary>
public sealed class Sessions_end_on_the_server(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string AuthCookie = "proeftuin.auth";

    [Fact]
    public async Task A_logged_out_cookie_replayed_is_refused()
    {
        var cookies = new System.Net.CookieContainer();
        using var browser = factory.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies));
        using var landed = await BrowserlessLogin.LoginAsync(browser, "marieke.bos@demo.proeftuin.nl", DemoAccounts.Password, DemoAccounts.AuthenticatorKey, factory);
        var captured = cookies.GetCookies(factory.Server.BaseAddress)[AuthCookie]!.Value;
        using var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var beforeLogout = await ReplayAsync(replay, captured);

        using var logout = await BrowserlessLogin.PostFormAsync(browser, "/account/logout", new Dictionary<string, string>());
        var afterLogout = await ReplayAsync(replay, captured);

        Assert.Equal(HttpStatusCode.OK, beforeLogout);
        Assert.StartsWith("/account/login", logout.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_of_the_account_and_keeps_this_one()
    {
        using var laptop = await factory.SignedInAsync("youssef.benali@demo.proeftuin.nl");
        using var phone = await factory.SignedInAsync("youssef.benali@demo.proeftuin.nl");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/api/neighbourhoods/", UriKind.Relative))).StatusCode);

        using var changed = await BrowserlessLogin.PostFormAsync(laptop, "/account/profiel", new Dictionary<string, string>
        {
            ["currentPassword"] = DemoAccounts.Password, ["newPassword"] = "Een-Ander-Wachtwoord-77", ["confirmPassword"] = "Een-Ander-Wachtwoord-77",
        });
        using var onPhone = await phone.GetAsync(new Uri("/api/neighbourhoods/", UriKind.Relative));
        using var onLaptop = await laptop.GetAsync(new Uri("/api/neighbourhoods/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onPhone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onLaptop.StatusCode);
    }

    private static async Task<HttpStatusCode> ReplayAsync(HttpClient client, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/neighbourhoods/", UriKind.Relative));
        request.Headers.Add("Cookie", $"{AuthCookie}={cookie}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
