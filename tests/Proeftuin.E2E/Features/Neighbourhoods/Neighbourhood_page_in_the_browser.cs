using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Neighbourhoods;

[Collection(BrowserCollection.Name)]
public sealed class Neighbourhood_page_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Chair_goes_from_home_to_the_wijk_page_and_it_is_accessible()
    {
        var page = await session.NewSignedInPageAsync("joost.mulder@demo.proeftuin.nl");

        await page.GetByRole(AriaRole.Link, new() { Name = "Naar de wijkpagina van Ondiep" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ondiep", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("case-row").CountAsync() >= 3);
        Assert.True(await page.GetByTestId("meeting-row").CountAsync() >= 2);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bespreking plannen" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "wijk");
    }
}
