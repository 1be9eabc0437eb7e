using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Language;

/// <summary>
/// The language switch in the header stores the choice in the culture cookie: English stays English over later page
/// loads, including the errors the hub and the domain report, until the user switches back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Language_switch_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task English_survives_three_page_loads_and_the_hub_reports_a_rule_in_English()
    {
        var meetingId = await TestMeetings.PlanAsync(session, "leidsche-rijn", "Bespreking in het Engels");
        var page = await session.NewSignedInPageAsync("marieke.bos@demo.proeftuin.nl");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);

        foreach (var path in new[] { "/", "/wijken/leidsche-rijn", $"/besprekingen/{meetingId}" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");
        }

        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveTextAsync("Connected", RoomPages.Patiently);
        // An empty recommendation is refused by the domain rule; the hub's message reaches the user in English.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rec-error")).ToHaveTextAsync("Write down the recommendation", RoomPages.Patiently);
        await Assertions.Expect(page.GetByLabel("Recommendation", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        Assert.Equal($"/besprekingen/{meetingId}", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", RoomPages.Patiently);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanbeveling toevoegen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rec-error")).ToHaveTextAsync("Schrijf de aanbeveling op", RoomPages.Patiently);
    }
}
