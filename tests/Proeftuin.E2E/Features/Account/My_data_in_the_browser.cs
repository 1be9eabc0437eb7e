using System.Text.Json;
using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Account;

/// <summary>A professional downloads their own data from the profile page; the file is JSON and holds their wijken.</summary>
[Collection(BrowserCollection.Name)]
public sealed class My_data_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task A_professional_downloads_their_data_and_the_json_holds_their_memberships()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (email, name) = ($"mila.{suffix}@example.nl", $"Mila Gegevens {suffix}");
        await TestAccounts.CreateAsync(session, email, name, "ondiep");
        var page = await session.NewSignedInPageAsync(email);

        await page.GotoAsync("/account/profiel");
        await Accessibility.AssertNoViolationsAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens downloaden" }).ClickAsync());

        Assert.Matches(@"^mijn-gegevens-\d{8}\.json$", download.SuggestedFilename);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal(name, json.RootElement.GetProperty("profile").GetProperty("name").GetString());
        var membership = Assert.Single(json.RootElement.GetProperty("memberships").EnumerateArray());
        Assert.Equal("Ondiep", membership.GetProperty("neighbourhood").GetString());
        Assert.Equal("Member", membership.GetProperty("role").GetString());
    }
}
