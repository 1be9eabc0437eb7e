using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Home;

[Collection(BrowserCollection.Name)]
public sealed class Home_page_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Coordinator_sees_every_wijk_in_order_styled_by_the_design_system()
    {
        var page = await session.NewSignedInPageAsync("hanna.koster@demo.proeftuin.nl");
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.ReloadAsync();

        var neighbourhoods = await page.GetByTestId("neighbourhood").Locator("h2").AllInnerTextsAsync();
        // The three seeded wijken, in name order; the beheerder's E2E test may have created one more in the same app.
        Assert.Equal(["Binnenstad", "Leidsche Rijn", "Ondiep"], neighbourhoods.Where(name => !name.StartsWith("Zuilen ", StringComparison.Ordinal)));
        Assert.Equal(neighbourhoods.Order(StringComparer.CurrentCulture), neighbourhoods);
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.documentElement.classList.contains('js'))"));
        Assert.Empty(errors);
        await Accessibility.ScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task Home_page_has_no_accessibility_violations()
    {
        var page = await session.NewSignedInPageAsync("ruud.jansen@demo.proeftuin.nl");

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Skip_link_is_the_first_stop_for_keyboard_users()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
    }
}
