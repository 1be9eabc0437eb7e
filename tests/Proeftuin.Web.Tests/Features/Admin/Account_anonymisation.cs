using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Audit;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Data.Audit;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Admin;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Admin;

/// <summary>
/// The beheerder anonymises a departed account (ADR 37): the name becomes a neutral label, the login and memberships go,
/// the account cannot sign in, and the audit log keeps every entry with its actor id, so its chain stays intact.
/// </summary>
public sealed class Account_anonymisation(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Youssef = "youssef.benali@demo.proeftuin.nl";
    private const string Name = "Youssef Benali";

    [Fact]
    public async Task Anonymising_leaves_no_name_or_address_in_the_account_tables_ends_sign_in_and_keeps_the_audit_chain_intact()
    {
        var youssef = await factory.AccountIdAsync(Youssef);
        using var signedIn = await factory.SignedInAsync(Youssef);
        var entriesBefore = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.UserId == youssef));

        var wrongName = await factory.AsAsync<AccountAnonymisation, AdminOutcome>(AdminCalls.Beheerder, a => a.AnonymiseAsync(youssef, "Youssef", default));
        var stillNamed = await factory.QueryAsync(db => db.Professionals.Where(p => p.Id == youssef).Select(p => p.DisplayName).SingleAsync());
        var anonymised = await factory.AsAsync<AccountAnonymisation, AdminOutcome>(AdminCalls.Beheerder, a => a.AnonymiseAsync(youssef, " youssef benali ", default));
        var twice = await factory.AsAsync<AccountAnonymisation, AdminOutcome>(AdminCalls.Beheerder, a => a.AnonymiseAsync(youssef, Professional.AnonymisedName(youssef), default));
        var reactivate = await factory.AsAsync<AccountAdministration, AdminOutcome>(AdminCalls.Beheerder, a => a.ReactivateAsync(youssef, default));

        Assert.Equal("ErrorConfirmationName", wrongName.ErrorKey);
        Assert.Equal(Name, stillNamed);
        Assert.True(anonymised.Done);
        Assert.Equal("ErrorAlreadyAnonymised", twice.ErrorKey);
        Assert.Equal("ErrorAlreadyAnonymised", reactivate.ErrorKey);

        var professional = await factory.QueryAsync(db => db.Professionals.AsNoTracking().Include(p => p.Memberships).SingleAsync(p => p.Id == youssef));
        Assert.Matches("^Voormalig deelnemer [0-9A-F]{4}$", professional.DisplayName);
        Assert.Null(professional.Organisation);
        Assert.Empty(professional.Memberships);
        var user = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == youssef));
        Assert.Null(user.Email);
        Assert.Null(user.PasswordHash);
        Assert.Null(user.PhoneNumber);
        Assert.False(await factory.QueryAsync(db => db.UserTokens.AnyAsync(t => t.UserId == youssef)));
        Assert.False(await factory.QueryAsync(db => db.UserLogins.AnyAsync(l => l.UserId == youssef)));
        Assert.False(await factory.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == youssef)));
        Assert.False(await factory.QueryAsync(db => db.UserSessions.AnyAsync(s => s.UserId == youssef)));
        foreach (var personal in new[] { Name, Youssef, "youssef", "Benali" })
        {
            Assert.False(await AppearsInAccountTablesAsync(personal), $"'{personal}' is still in an account table");
        }

        Assert.StartsWith("/account/login", (await signedIn.OpenAsync("/account/profiel")).Landed.AbsolutePath, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        using var login = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = Youssef, ["password"] = DemoAccounts.Password });
        Assert.StartsWith("/account/login", (await client.OpenAsync("/account/profiel")).Landed.AbsolutePath, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var verdict = await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>(), scope.ServiceProvider.GetRequiredService<AuditKey>(), null, CancellationToken.None);
        Assert.True(verdict.Intact, verdict.Message);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.UserId == youssef)) >= entriesBefore);
        Assert.Contains(await factory.AuditOfAsync("Account", youssef.ToString()), e => e.Action == "anonymise" && e.Outcome == "success");
        Assert.Contains(await factory.AuditOfAsync("Membership", youssef.ToString()), e => e.Action == "remove-membership");
    }

    [Fact]
    public async Task The_account_list_shows_the_neutral_label_and_only_a_beheerder_with_the_second_factor_may_anonymise()
    {
        var daan = await factory.AccountIdAsync("daan.bakker@demo.proeftuin.nl");
        var own = await factory.AccountIdAsync(AdminCalls.Beheerder);

        var byChair = await factory.AsAsync<AccountAnonymisation, AdminOutcome>("ingrid.meijer@demo.proeftuin.nl", a => a.AnonymiseAsync(daan, "Daan Bakker", default));
        var withoutSecondFactor = await factory.AsAsync<AccountAnonymisation, AdminOutcome>(AdminCalls.Beheerder, a => a.AnonymiseAsync(daan, "Daan Bakker", default), secondFactor: false);
        var self = await factory.AsAsync<AccountAnonymisation, AdminOutcome>(AdminCalls.Beheerder, a => a.AnonymiseAsync(own, "Beheerder", default));
        Assert.True(byChair.Denied && withoutSecondFactor.Denied);
        Assert.Equal("ErrorOwnAccountAnonymise", self.ErrorKey);
        Assert.Equal("Daan Bakker", await factory.QueryAsync(db => db.Professionals.Where(p => p.Id == daan).Select(p => p.DisplayName).SingleAsync()));

        using var admin = await factory.SignedInAsync(AdminCalls.Beheerder);
        var done = await factory.AsAsync<AccountAnonymisation, AdminOutcome>(AdminCalls.Beheerder, a => a.AnonymiseAsync(daan, "Daan Bakker", default));
        var list = await admin.OpenAsync("/admin");

        Assert.True(done.Done);
        Assert.Contains(Professional.AnonymisedName(daan), list.Text, StringComparison.Ordinal);
        Assert.Contains("Geanonimiseerd", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Daan Bakker", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("daan.bakker@", list.Text, StringComparison.Ordinal);
    }

    private Task<bool> AppearsInAccountTablesAsync(string text) => factory.QueryAsync(async db =>
        await db.Users.AnyAsync(u => (u.UserName != null && u.UserName.ToLower().Contains(text.ToLower()))
                                     || (u.Email != null && u.Email.ToLower().Contains(text.ToLower()))
                                     || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(text.ToUpper())))
        || await db.UserClaims.AnyAsync(c => c.ClaimValue != null && c.ClaimValue.ToLower().Contains(text.ToLower()))
        || await db.UserLogins.AnyAsync(l => l.ProviderDisplayName != null && l.ProviderDisplayName.ToLower().Contains(text.ToLower()))
        || await db.Professionals.AnyAsync(p => p.DisplayName.ToLower().Contains(text.ToLower()) || p.Email.ToLower().Contains(text.ToLower())));
}
