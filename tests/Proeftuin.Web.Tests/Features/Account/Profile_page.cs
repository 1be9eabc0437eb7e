using Proeftuin.Data.Seeding;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Account;

/// <summary>My profile: who I am in Proeftuin and changing my password.</summary>
public sealed class Profile_page(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Profile = "/account/profiel";

    [Fact]
    public async Task Shows_name_discipline_and_wijken_and_changes_the_password_only_with_the_current_one()
    {
        using var sanne = await factory.SignedInAsync("sanne.visser@demo.proeftuin.nl");

        var page = await sanne.OpenAsync(Profile);
        var wrongCurrent = await sanne.SubmitAsync(Profile, Profile, new Dictionary<string, string>
        {
            ["CurrentPassword"] = "niet-het-wachtwoord", ["NewPassword"] = "Nieuw-Wachtwoord-2027", ["ConfirmPassword"] = "Nieuw-Wachtwoord-2027",
        });
        var differ = await sanne.SubmitAsync(Profile, Profile, new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoAccounts.Password, ["NewPassword"] = "Nieuw-Wachtwoord-2027", ["ConfirmPassword"] = "Anders-Wachtwoord-2027",
        });
        var changed = await sanne.SubmitAsync(Profile, Profile, new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoAccounts.Password, ["NewPassword"] = "Nieuw-Wachtwoord-2027", ["ConfirmPassword"] = "Nieuw-Wachtwoord-2027",
        });

        Assert.Contains("Sanne Visser", page.Text, StringComparison.Ordinal);
        Assert.Contains("Gezinswerker buurtteam", page.Text, StringComparison.Ordinal);
        Assert.Contains("Leidsche Rijn", page.Text, StringComparison.Ordinal);
        Assert.Contains("Ondiep", page.Text, StringComparison.Ordinal);
        Assert.Contains("Het huidige wachtwoord klopt niet.", wrongCurrent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Je wachtwoord is gewijzigd.", differ.Text, StringComparison.Ordinal);
        Assert.Contains("Je wachtwoord is gewijzigd.", changed.Text, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("Account", null, "failed"));
    }
}
