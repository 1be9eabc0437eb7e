using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;
using Proeftuin.Web.Infrastructure.Mail;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

public sealed partial class Invitation_and_password_reset(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Invited_professional_sets_a_password_enrols_two_factor_and_sees_their_wijk()
    {
        using var admin = await factory.SignedInAsync("beheer@demo.proeftuin.nl");
        var invitePage = await admin.GetStringAsync(new Uri("/admin/invite", UriKind.Relative));
        var ondiep = Regex.Match(invitePage, "<option value=\"([0-9a-f-]{36})\"[^>]*>Ondiep</option>").Groups[1].Value;

        using var invited = await BrowserlessLogin.PostFormAsync(admin, "/admin/invite", new Dictionary<string, string>
        {
            ["email"] = "nieuwe.collega@example.nl", ["name"] = "Nieuwe Collega", ["discipline"] = "YouthHealthDoctor",
            ["neighbourhoodId"] = ondiep, ["role"] = "Member", ["globalRole"] = string.Empty,
        });
        Assert.Contains("Uitnodiging verstuurd naar nieuwe.collega@example.nl", await invited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var link = LinkInMailTo("nieuwe.collega@example.nl");
        using var client = factory.CreateClient();
        using var set = await BrowserlessLogin.PostFormAsync(client, link.PathAndQuery, link.PathAndQuery, new Dictionary<string, string>
        {
            ["userId"] = Query(link, "userId"), ["token"] = Query(link, "token"), ["password"] = "Een-Goed-Wachtwoord-42", ["confirmPassword"] = "Een-Goed-Wachtwoord-42",
        });
        Assert.Contains("Je wachtwoord is opgeslagen", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var enrolPage = await BrowserlessLogin.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["email"] = "nieuwe.collega@example.nl", ["password"] = "Een-Goed-Wachtwoord-42" });
        var key = Regex.Match(await enrolPage.Content.ReadAsStringAsync(), "data-testid=\"authenticator-key\">([a-z2-7 ]+)<").Groups[1].Value;
        using var enrolled = await BrowserlessLogin.PostFormAsync(client, "/account/enrol", new Dictionary<string, string> { ["code"] = await Totp.NextCodeAsync(key, factory) });
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(">Ondiep</h2>", home, StringComparison.Ordinal);
        Assert.DoesNotContain(">Binnenstad</h2>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_link_works_once_and_the_answer_never_reveals_whether_an_account_exists()
    {
        using var client = factory.CreateClient();
        using var unknown = await BrowserlessLogin.PostFormAsync(client, "/account/forgot-password", new Dictionary<string, string> { ["email"] = "bestaat.niet@example.nl" });
        using var known = await BrowserlessLogin.PostFormAsync(client, "/account/forgot-password", new Dictionary<string, string> { ["email"] = "esra.yilmaz@demo.proeftuin.nl" });
        var answer = Sent(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Als dit e-mailadres bij een account hoort", answer, StringComparison.Ordinal);
        Assert.Equal(answer, Sent(await known.Content.ReadAsStringAsync()));

        var link = LinkInMailTo("esra.yilmaz@demo.proeftuin.nl");
        var form = new Dictionary<string, string>
        {
            ["userId"] = Query(link, "userId"), ["token"] = Query(link, "token"), ["password"] = "Nieuw-Wachtwoord-2026", ["confirmPassword"] = "Nieuw-Wachtwoord-2026",
        };
        using var first = await BrowserlessLogin.PostFormAsync(client, link.PathAndQuery, link.PathAndQuery, form);
        using var again = await BrowserlessLogin.PostFormAsync(client, link.PathAndQuery, link.PathAndQuery, form);
        using var weak = await BrowserlessLogin.PostFormAsync(client, link.PathAndQuery, link.PathAndQuery, new Dictionary<string, string>(form) { ["password"] = "kort", ["confirmPassword"] = "kort" });

        Assert.Contains("Je wachtwoord is opgeslagen", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("ongeldig of al gebruikt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("minstens 12 tekens", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var login = await BrowserlessLogin.LoginAsync(factory.CreateClient(), "esra.yilmaz@demo.proeftuin.nl", "Nieuw-Wachtwoord-2026", DemoAccounts.AuthenticatorKey, factory);
        Assert.Equal("/", login.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Only_a_beheerder_may_invite()
    {
        using var chair = await factory.SignedInAsync("ruud.jansen@demo.proeftuin.nl");

        using var response = await chair.GetAsync(new Uri("/admin/invite", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string Sent(string html) => Regex.Match(html, "role=\"status\"><p class=\"utrecht-paragraph\">([^<]+)<").Groups[1].Value;

    private Uri LinkInMailTo(string address)
    {
        var folder = factory.Services.GetRequiredService<FileMailSink>().Folder;
        var mail = Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Last(m => m.Contains($"To: {address}", StringComparison.Ordinal));
        return new Uri(WebUtility.HtmlDecode(LinkPattern().Match(mail).Value));
    }

    private static string Query(Uri link, string name) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0].Equals(name, StringComparison.OrdinalIgnoreCase))[1]);

    [GeneratedRegex(@"https?://\S+/account/set-password\?\S+")]
    private static partial Regex LinkPattern();
}
