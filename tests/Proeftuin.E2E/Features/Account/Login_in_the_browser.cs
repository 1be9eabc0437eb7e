using Microsoft.Playwright;
using Proeftuin.Data.Seeding;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Account;

[Collection(BrowserCollection.Name)]
public sealed class Login_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Login_and_two_factor_pages_have_no_accessibility_violations()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "login");

        await page.GetByLabel("E-mailadres").FillAsync("esra.yilmaz@demo.proeftuin.nl");
        await page.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await page.Keyboard.PressAsync("Enter");
        // A condition, not a navigation event: on a busy machine the event could pass before the wait began. A refusal
        // (an alert on the login page) fails at once with its text instead of waiting out the timeout.
        await page.WaitForFunctionAsync("() => location.pathname === '/account/two-factor' || document.querySelector('[role=alert]') !== null");
        if (new Uri(page.Url).AbsolutePath != "/account/two-factor")
        {
            Assert.Fail($"Login refused: {await page.GetByRole(AriaRole.Alert).InnerTextAsync()}");
        }

        await page.GetByLabel("Code uit de authenticator-app").WaitForAsync();

        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "two-factor");
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_in_dutch_and_keeps_the_email()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/login");

        await page.GetByLabel("E-mailadres").FillAsync("pieter.vandijk@demo.proeftuin.nl");
        await page.GetByLabel("Wachtwoord").FillAsync("niet-het-wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Onjuist e-mailadres of wachtwoord.");
        Assert.Equal("pieter.vandijk@demo.proeftuin.nl", await page.GetByLabel("E-mailadres").InputValueAsync());
    }
}
