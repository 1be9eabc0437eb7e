using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

public sealed class Login_with_two_factor(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Password_and_authenticator_code_sign_in_and_are_audited()
    {
        using var client = factory.CreateClient();

        using var landed = await BrowserlessLogin.LoginAsync(client, "joost.mulder@demo.proeftuin.nl", DemoAccounts.Password, DemoAccounts.AuthenticatorKey, factory);

        Assert.Equal("/", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Ingelogd als Joost Mulder", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "login" && e.UserName == "joost.mulder@demo.proeftuin.nl" && e.Outcome == "success"));
    }

    [Fact]
    public async Task Password_alone_does_not_open_any_page()
    {
        using var client = factory.CreateClient();
        using var afterPassword = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string>
        {
            ["email"] = "kevin.smit@demo.proeftuin.nl",
            ["password"] = DemoAccounts.Password,
        });

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.StartsWith("/account/two-factor", afterPassword.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.StartsWith("/account/login", home.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_code_is_refused_with_a_dutch_message()
    {
        using var client = factory.CreateClient();
        using var _ = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string>
        {
            ["email"] = "lotte.degraaf@demo.proeftuin.nl",
            ["password"] = DemoAccounts.Password,
        });

        using var response = await BrowserlessLogin.PostFormAsync(client, "/account/two-factor", new Dictionary<string, string> { ["code"] = "000000" });

        Assert.Contains("Deze code klopt niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var client = factory.CreateClient();
        string html = string.Empty;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string>
            {
                ["email"] = "daan.bakker@demo.proeftuin.nl",
                ["password"] = "Verkeerd-wachtwoord-1",
            });
            html = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("geblokkeerd", html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("daan.bakker@demo.proeftuin.nl"))!));
    }

    [Fact]
    public async Task Account_without_authenticator_must_enrol_before_anything_else()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
            var user = (await users.FindByEmailAsync("youssef.benali@demo.proeftuin.nl"))!;
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        }

        using var client = factory.CreateClient();
        using var afterPassword = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string>
        {
            ["email"] = "youssef.benali@demo.proeftuin.nl",
            ["password"] = DemoAccounts.Password,
        });
        var enrolPage = await afterPassword.Content.ReadAsStringAsync();
        using var homeBeforeEnrolment = await client.GetAsync(new Uri("/", UriKind.Relative));
        var key = System.Text.RegularExpressions.Regex.Match(enrolPage, "data-testid=\"authenticator-key\">([a-z2-7 ]+)<").Groups[1].Value;

        using var enrolled = await BrowserlessLogin.PostFormAsync(client, "/account/enrol", new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(key, factory) });
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("data:image/png;base64,", enrolPage, StringComparison.Ordinal);
        Assert.StartsWith("/account/enrol", homeBeforeEnrolment.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"recovery-codes\"", await enrolled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Without_an_external_provider_there_is_no_button_and_no_handler()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var challenge = await BrowserlessLogin.PostFormAsync(client, "/account/login", "/account/login?handler=External", new Dictionary<string, string>());

        Assert.DoesNotContain("data-testid=\"external-login\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        var schemes = factory.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync("extern"));
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var client = factory.CreateClient();
        using var _ = await BrowserlessLogin.LoginAsync(client, "marieke.bos@demo.proeftuin.nl", DemoAccounts.Password, DemoAccounts.AuthenticatorKey, factory);

        using var loggedOut = await BrowserlessLogin.PostFormAsync(client, "/", "/account/logout", new Dictionary<string, string>());
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, loggedOut.StatusCode);
        Assert.StartsWith("/account/login", home.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }
}
