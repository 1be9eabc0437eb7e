using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>"Log in met Gemeente Utrecht" against a second, real Proeftuin acting as the external provider.</summary>
public sealed class External_login(FederatedApps apps) : IClassFixture<FederatedApps>
{
    [Fact]
    public async Task Login_page_offers_the_configured_provider()
    {
        using var app = apps.AppBrowser();

        var html = await app.GetStringAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Contains($"Log in met {FederatedApps.ProviderName}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_login_links_to_the_invited_account_and_still_asks_for_two_factor()
    {
        const string email = "joost.mulder@demo.proeftuin.nl";
        using var app = apps.AppBrowser();

        using var afterCallback = await apps.LoginAtProviderAsync(app, email);
        var twoFactor = FederatedApps.PathOf(FederatedApps.RedirectOf(afterCallback));
        using var homeBeforeCode = await app.GetAsync(new Uri("/", UriKind.Relative));
        using var code = await BrowserlessLogin.PostFormAsync(app, twoFactor, twoFactor, new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(DemoAccounts.AuthenticatorKey, apps.App, account: email) });
        using var home = await app.GetAsync(new Uri(FederatedApps.PathOf(FederatedApps.RedirectOf(code)), UriKind.Relative));

        Assert.StartsWith("/account/two-factor", twoFactor, StringComparison.Ordinal);
        Assert.StartsWith("/account/login", FederatedApps.PathOf(FederatedApps.RedirectOf(homeBeforeCode)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Ingelogd als Joost Mulder", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = apps.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.LoginProvider == "extern"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "login-extern-linked" && e.UserId == user.Id && e.Outcome == "success"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "login-extern" && e.UserId == user.Id && e.Outcome == "success"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "login" && e.UserId == user.Id && e.Outcome == "success"));
    }

    [Fact]
    public async Task External_login_without_invited_account_creates_nothing()
    {
        const string email = "nieuw.extern@gemeente-utrecht.example";
        await apps.CreateProviderAccountAsync(email, emailConfirmed: true);
        var usersBefore = await CountAsync(db => db.Users.CountAsync());
        var loginsBefore = await CountAsync(db => db.UserLogins.CountAsync());
        using var app = apps.AppBrowser();

        using var refused = await apps.LoginAtProviderAsync(app, email);
        using var home = await app.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Er is geen uitgenodigd account voor dit e-mailadres. Vraag de beheerder om een uitnodiging.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/account/login", FederatedApps.PathOf(FederatedApps.RedirectOf(home)), StringComparison.Ordinal);
        Assert.Equal(usersBefore, await CountAsync(db => db.Users.CountAsync()));
        Assert.Equal(loginsBefore, await CountAsync(db => db.UserLogins.CountAsync()));
        Assert.Equal(1, await CountAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login-extern-failed" && e.UserName == email && e.Outcome == "failed")));
    }

    [Fact]
    public async Task External_login_with_an_unverified_email_is_not_linked_to_the_account_with_that_address()
    {
        // At the provider, an account with the address of an invited account here, but never confirmed there.
        const string email = "ingrid.meijer@demo.proeftuin.nl";
        await using (var scope = apps.Provider.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false));
        }

        using var app = apps.AppBrowser();

        using var refused = await apps.LoginAtProviderAsync(app, email);

        Assert.Contains("Er is geen uitgenodigd account voor dit e-mailadres.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.UserLogins.CountAsync(l => l.UserId == id);
        }));
    }

    [Fact]
    public async Task External_login_to_a_locked_account_is_refused_and_audited()
    {
        const string email = "esra.yilmaz@demo.proeftuin.nl";
        Guid id;
        await using (var scope = apps.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Proeftuin.Data.Identity.ProeftuinUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
            id = user.Id;
        }

        using var app = apps.AppBrowser();

        using var refused = await apps.LoginAtProviderAsync(app, email);
        using var twoFactor = await app.GetAsync(new Uri("/account/two-factor", UriKind.Relative));

        Assert.Contains("geblokkeerd", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/account/login", FederatedApps.PathOf(FederatedApps.RedirectOf(twoFactor)), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login-locked" && e.UserId == id && e.Outcome == "failed")));
    }

    [Fact]
    public async Task Callback_without_an_external_login_explains_in_dutch_and_is_audited()
    {
        using var app = apps.AppBrowser();
        var before = await CountAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login-extern-failed"));

        using var response = await app.GetAsync(new Uri("/account/external-callback", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Inloggen via de externe inlogdienst is niet gelukt.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync(db => db.AuditEntries.CountAsync(e => e.Action == "login-extern-failed")));
    }

    private async Task<int> CountAsync(Func<ProeftuinDbContext, Task<int>> query)
    {
        await using var scope = apps.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>());
    }
}
