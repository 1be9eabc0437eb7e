using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Agreements;

[Collection(BrowserCollection.Name)]
public sealed class Agreement_register_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Chair_goes_from_the_wijk_page_to_the_register_and_both_register_and_form_are_accessible()
    {
        var page = await session.NewSignedInPageAsync("ruud.jansen@demo.proeftuin.nl");
        await page.GotoAsync("/wijken/leidsche-rijn");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wijkafspraken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wijkafspraken Leidsche Rijn", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "agreements");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe wijkafspraak" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijkafspraak vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
