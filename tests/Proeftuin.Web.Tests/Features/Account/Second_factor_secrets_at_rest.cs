using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>
/// The authenticator key is stored encrypted and recovery codes only as hashes, yet both still sign in; a recovery code
/// works once; the demo accounts' key written in plain text before still works.
/// </summary>
public sealed class Second_factor_secrets_at_rest(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Email = "nieuwe.sleutel@demo.proeftuin.nl";
    private const string Password = "Sleutel-Veilig-2026";

    [Fact]
    public async Task Key_and_recovery_codes_are_not_stored_readably_and_still_sign_in_a_code_only_once()
    {
        var (key, codes) = await EnrolledAccountAsync();
        Assert.NotEmpty(codes);
        var raw = string.Join('\n', await factory.QueryAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == Email).Select(u => u.Id).SingleAsync();
            return await db.UserTokens.Where(t => t.UserId == id).Select(t => t.Name + "=" + t.Value).ToListAsync();
        }));
        Assert.Contains("AuthenticatorKey=", raw, StringComparison.Ordinal);
        Assert.Contains("RecoveryCodes=", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(key, raw, StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, code => Assert.DoesNotContain(code, raw, StringComparison.OrdinalIgnoreCase));

        using var withTotp = await BrowserlessLogin.LoginAsync(factory.CreateClient(), Email, Password, key, factory);
        Assert.Equal("/", withTotp.RequestMessage!.RequestUri!.AbsolutePath);

        Assert.Equal("/", await LandingWithRecoveryCodeAsync(codes[0]));
        Assert.StartsWith("/account/two-factor", await LandingWithRecoveryCodeAsync(codes[0]), StringComparison.Ordinal);
        Assert.Equal("/", await LandingWithRecoveryCodeAsync(codes[1]));
    }

    [Fact]
    public async Task A_demo_account_with_its_key_stored_before_still_signs_in()
    {
        using var landed = await BrowserlessLogin.LoginAsync(factory.CreateClient(), "daan.bakker@demo.proeftuin.nl", DemoAccounts.Password, DemoAccounts.AuthenticatorKey, factory);

        Assert.Equal("/", landed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private async Task<string> LandingWithRecoveryCodeAsync(string code)
    {
        using var client = factory.CreateClient();
        using var password = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = Email, ["password"] = Password });
        using var second = await BrowserlessLogin.PostFormAsync(client, "/account/two-factor", new Dictionary<string, string> { ["recoveryCode"] = code });
        return second.RequestMessage!.RequestUri!.AbsolutePath;
    }

    private async Task<(string Key, string[] Codes)> EnrolledAccountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var user = new ProeftuinUser { Id = Guid.NewGuid(), UserName = Email, Email = Email, EmailConfirmed = true, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        db.Professionals.Add(new Core.Professionals.Professional(user.Id, "Nieuwe Sleutel", Email, Core.Professionals.Discipline.YouthHealthDoctor, null));
        await db.SaveChangesAsync();
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToArray();
        return (key, codes);
    }
}
