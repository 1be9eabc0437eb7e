using System.Net;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Features.Sessions;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>
/// A TOTP code works once (ASVS V2.8.4): the last accepted time step is remembered per account, so a replay within the
/// code's window, or an older code still inside the allowed drift, is refused; the next step's code works. The app's
/// clock is a FakeTimeProvider the test moves.
/// </summary>
public sealed class Single_use_codes(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string Email = "hanna.koster@demo.proeftuin.nl";

    [Fact]
    public async Task A_code_works_once_its_replay_is_refused_and_the_next_steps_code_works()
    {
        var first = Totp.Code(DemoAccounts.AuthenticatorKey, factory.Clock.GetUtcNow());
        var earlier = Totp.Code(DemoAccounts.AuthenticatorKey, factory.Clock.GetUtcNow().AddSeconds(-30));

        var signedIn = await LandingWithCodeAsync(first);
        var replayed = await LandingWithCodeAsync(first);
        var olderInWindow = await LandingWithCodeAsync(earlier);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var nextStep = await LandingWithCodeAsync(Totp.Code(DemoAccounts.AuthenticatorKey, factory.Clock.GetUtcNow()));

        Assert.Equal("/", signedIn);
        Assert.StartsWith("/account/two-factor", replayed, StringComparison.Ordinal);
        Assert.StartsWith("/account/two-factor", olderInWindow, StringComparison.Ordinal);
        Assert.Equal("/", nextStep);
    }

    private async Task<string> LandingWithCodeAsync(string code)
    {
        using var client = factory.CreateClient();
        using var password = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = Email, ["password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        using var second = await BrowserlessLogin.PostFormAsync(client, "/account/two-factor", new Dictionary<string, string> { ["code"] = code });
        return second.RequestMessage!.RequestUri!.AbsolutePath;
    }
}
