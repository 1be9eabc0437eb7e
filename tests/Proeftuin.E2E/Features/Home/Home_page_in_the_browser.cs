using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Home;

[Collection(BrowserCollection.Name)]
public sealed class Home_page_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Shows_the_three_wijken_styled_by_the_design_system()
    {
        var page = await session.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };

        await page.GotoAsync("/");

        var wijken = await page.GetByTestId("neighbourhood").Locator("h2").AllInnerTextsAsync();
        Assert.Equal(["Binnenstad", "Leidsche Rijn", "Ondiep"], wijken);
        var headingFont = await page.Locator("h1").EvaluateAsync<string>("h => getComputedStyle(h).fontFamily");
        Assert.False(string.IsNullOrEmpty(headingFont));
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.documentElement.classList.contains('js'))"));
        Assert.Empty(errors);
        await Accessibility.ScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task Has_no_accessibility_violations()
    {
        var page = await session.NewPageAsync();

        await page.GotoAsync("/");

        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Skip_link_is_the_first_stop_for_keyboard_users()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
    }
}
