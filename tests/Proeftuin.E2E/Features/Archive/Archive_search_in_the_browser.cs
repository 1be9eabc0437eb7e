using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Archive;

[Collection(BrowserCollection.Name)]
public sealed class Archive_search_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Member_searches_angst_and_sees_highlighted_hits_of_their_wijk()
    {
        var page = await session.NewSignedInPageAsync("joost.mulder@demo.proeftuin.nl");

        await page.GetByRole(AriaRole.Link, new() { Name = "Archief" }).ClickAsync();
        await page.GetByLabel("Zoekwoorden").FillAsync("angst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        var hits = page.GetByTestId("archive-hit");
        await Assertions.Expect(hits.First).ToBeVisibleAsync();
        await Assertions.Expect(hits.First.Locator("mark").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Meisje met angst om naar school te gaan" }).First).ToBeVisibleAsync();
        await Assertions.Expect(hits.Filter(new() { HasText = "Binnenstad" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "archive");
    }
}
