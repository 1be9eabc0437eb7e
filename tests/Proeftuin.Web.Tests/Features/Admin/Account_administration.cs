using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Admin;
using Proeftuin.Web.Infrastructure.Mail;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Admin;

/// <summary>
/// The beheerder deactivates an account (it cannot sign in, its sessions end), reactivates it, and sends an invitation
/// again to an account that never chose a password. Every change is audit-logged with the account.
/// </summary>
public sealed partial class Account_administration(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task A_deactivated_account_loses_its_session_cannot_sign_in_and_signs_in_again_once_reactivated()
    {
        const string Email = "youssef.benali@demo.proeftuin.nl";
        var youssef = await factory.AccountIdAsync(Email);
        using var signedIn = await factory.SignedInAsync(Email);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.OpenAsync("/wijken/binnenstad")).Status);

        var deactivated = await factory.AsAsync<AccountAdministration, AdminOutcome>(AdminCalls.Beheerder, a => a.DeactivateAsync(youssef, default));
        var twice = await factory.AsAsync<AccountAdministration, AdminOutcome>(AdminCalls.Beheerder, a => a.DeactivateAsync(youssef, default));

        Assert.True(deactivated.Done);
        Assert.Equal("ErrorAlreadyDeactivated", twice.ErrorKey);
        Assert.StartsWith("/account/login", (await signedIn.OpenAsync("/wijken/binnenstad")).Landed.AbsolutePath, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.UserSessions.AnyAsync(s => s.UserId == youssef)));
        using var login = await BrowserlessLogin.PostFormAsync(factory.CreateClient(), "/account/login", new Dictionary<string, string> { ["email"] = Email, ["password"] = DemoAccounts.Password });
        Assert.Contains("Dit account is gedeactiveerd", WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var reactivated = await factory.AsAsync<AccountAdministration, AdminOutcome>(AdminCalls.Beheerder, a => a.ReactivateAsync(youssef, default));

        Assert.True(reactivated.Done);
        using var again = await factory.SignedInAsync(Email);
        Assert.Equal(HttpStatusCode.OK, (await again.OpenAsync("/wijken/binnenstad")).Status);
        var audit = await factory.AuditOfAsync("Account", youssef.ToString());
        Assert.Contains(audit, e => e.Action == "deactivate" && e.Outcome == "success");
        Assert.Contains(audit, e => e.Action == "reactivate" && e.Outcome == "success");
    }

    [Fact]
    public async Task The_beheerder_cannot_deactivate_their_own_account()
    {
        var own = await factory.AccountIdAsync(AdminCalls.Beheerder);

        var outcome = await factory.AsAsync<AccountAdministration, AdminOutcome>(AdminCalls.Beheerder, a => a.DeactivateAsync(own, default));

        Assert.Equal("ErrorOwnAccount", outcome.ErrorKey);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == own).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_is_sent_again_only_without_a_password_and_only_the_newest_link_works()
    {
        const string Email = "nog.geen.wachtwoord@example.nl";
        using var admin = await factory.SignedInAsync(AdminCalls.Beheerder);
        var invitePage = await admin.GetStringAsync(new Uri("/admin/invite", UriKind.Relative));
        var ondiep = Regex.Match(invitePage, "<option value=\"([0-9a-f-]{36})\"[^>]*>Ondiep</option>").Groups[1].Value;
        using var invited = await BrowserlessLogin.PostFormAsync(admin, "/admin/invite", new Dictionary<string, string>
        {
            ["email"] = Email, ["name"] = "Nog Geen Wachtwoord", ["discipline"] = "FamilyWorker", ["neighbourhoodId"] = ondiep, ["role"] = "Member", ["globalRole"] = string.Empty,
        });
        var first = LinksInMailTo(Email).Single();
        var id = await factory.AccountIdAsync(Email);

        var resent = await factory.AsAsync<AccountAdministration, AdminOutcome>(AdminCalls.Beheerder, a => a.ResendInvitationAsync(id, default));
        var withPassword = await factory.AsAsync<AccountAdministration, AdminOutcome>(AdminCalls.Beheerder,
            async a => await a.ResendInvitationAsync(await factory.AccountIdAsync("esra.yilmaz@demo.proeftuin.nl"), default));

        Assert.True(resent.Done);
        Assert.Equal("ErrorPasswordAlreadySet", withPassword.ErrorKey);
        var links = LinksInMailTo(Email);
        Assert.Equal(2, links.Count);
        Assert.Contains("Je wachtwoord is opgeslagen", await SetPasswordAsync(links.Single(l => l != first)), StringComparison.Ordinal);
        Assert.Contains("ongeldig of al gebruikt", await SetPasswordAsync(first), StringComparison.Ordinal);
        Assert.Contains(await factory.AuditOfAsync("Account", id.ToString()), e => e.Action == "resend-invitation" && e.Outcome == "success");
    }

    [Theory]
    [InlineData("hanna.koster@demo.proeftuin.nl", true)]
    [InlineData("ingrid.meijer@demo.proeftuin.nl", true)]
    [InlineData(AdminCalls.Beheerder, false)]
    public async Task Anyone_but_a_beheerder_with_the_second_factor_changes_no_account_and_is_audited(string email, bool secondFactor)
    {
        var lotte = await factory.AccountIdAsync("lotte.degraaf@demo.proeftuin.nl");

        var deactivate = await factory.AsAsync<AccountAdministration, AdminOutcome>(email, a => a.DeactivateAsync(lotte, default), secondFactor);
        var resend = await factory.AsAsync<AccountAdministration, AdminOutcome>(email, a => a.ResendInvitationAsync(lotte, default), secondFactor);

        Assert.True(deactivate.Denied && resend.Denied);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Id == lotte).Select(u => u.LockoutEnd).SingleAsync()));
        var denied = (await factory.AuditOfAsync("Account", lotte.ToString())).Where(e => e.Outcome == "denied").Select(e => e.Action).ToList();
        Assert.Contains("deactivate", denied);
        Assert.Contains("resend-invitation", denied);
    }

    private async Task<string> SetPasswordAsync(Uri link)
    {
        using var client = factory.CreateClient();
        using var response = await BrowserlessLogin.PostFormAsync(client, link.PathAndQuery, link.PathAndQuery, new Dictionary<string, string>
        {
            ["userId"] = Query(link, "userId"), ["token"] = Query(link, "token"), ["password"] = "Een-Goed-Wachtwoord-42", ["confirmPassword"] = "Een-Goed-Wachtwoord-42",
        });
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private List<Uri> LinksInMailTo(string address)
    {
        var folder = factory.Services.GetRequiredService<FileMailSink>().Folder;
        // Read as MIME, not as raw text: a long token may be wrapped by the transfer encoding.
        return [.. Directory.GetFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == address))
            .Select(m => new Uri(WebUtility.HtmlDecode(LinkPattern().Match(m.TextBody ?? m.HtmlBody ?? string.Empty).Value)))];
    }

    private static string Query(Uri link, string name) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0].Equals(name, StringComparison.OrdinalIgnoreCase))[1]);

    [GeneratedRegex(@"https?://\S+/account/set-password\?\S+")]
    private static partial Regex LinkPattern();
}
