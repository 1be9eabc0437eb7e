using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class Plan_meeting_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Chair_plans_a_meeting_with_the_keyboard_and_the_form_is_accessible()
    {
        var page = await session.NewSignedInPageAsync("ingrid.meijer@demo.proeftuin.nl");
        await page.GotoAsync("/wijken/binnenstad");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bespreking plannen" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "plan-meeting");

        await page.GetByLabel("Titel van de bespreking").FillAsync("Casuïstiek april");
        // Typed the Dutch way, day first (dd-mm-jjjj): the date field follows the user's locale.
        await page.GetByLabel("Datum").FocusAsync();
        await page.Keyboard.TypeAsync("08042027");
        await Assertions.Expect(page.GetByLabel("Datum")).ToHaveValueAsync("2027-04-08");
        await page.GetByLabel("Begintijd (Nederlandse tijd)").FocusAsync();
        await page.Keyboard.TypeAsync("1230");
        await Assertions.Expect(page.GetByLabel("Begintijd (Nederlandse tijd)")).ToHaveValueAsync("12:30");
        await page.GetByTestId("agenda-case").First.GetByRole(AriaRole.Checkbox).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bespreking plannen" }).PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De bespreking ‘Casuïstiek april’ is gepland.");
        var row = page.GetByTestId("meeting-row").Filter(new() { HasText = "Casuïstiek april" });
        await Assertions.Expect(row).ToContainTextAsync("donderdag 8 april 2027, 12:30");
        await Assertions.Expect(row).ToContainTextAsync("Gepland");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
