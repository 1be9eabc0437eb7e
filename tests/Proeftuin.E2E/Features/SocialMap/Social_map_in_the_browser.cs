using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.SocialMap;

[Collection(BrowserCollection.Name)]
public sealed class Social_map_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Member_fills_in_their_entry_with_the_keyboard_and_the_map_is_accessible()
    {
        var page = await session.NewSignedInPageAsync("marieke.bos@demo.proeftuin.nl");
        await page.GotoAsync("/wijken/leidsche-rijn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sociale kaart" }).ClickAsync();

        await page.GetByLabel("Bereikbaar via").FillAsync("JGZ-lijn, ma t/m vr");
        await page.GetByLabel("Bereikbaar via").PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("social-map")).ToContainTextAsync("Marieke Bos");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "social-map");
    }
}
