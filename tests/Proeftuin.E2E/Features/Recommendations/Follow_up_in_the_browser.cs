using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Recommendations;

[Collection(BrowserCollection.Name)]
public sealed class Follow_up_in_the_browser(BrowserSession session)
{
    private const string Action = "Vaste contactpersoon bij de huisartsenpraktijk afspreken (opvolgtest)";

    [Fact]
    public async Task Owner_marks_an_action_done_two_weeks_after_the_meeting_and_the_coordinator_sees_it_done_not_overdue()
    {
        await TestMeetings.HeldWithActionAsync(session, "ondiep", Action, "kevin.smit@demo.proeftuin.nl", heldDaysAgo: 14, dueDaysAgo: 3);

        // The owner finds it under "Mijn acties", overdue, and opens it.
        var page = await session.NewSignedInPageAsync("kevin.smit@demo.proeftuin.nl");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn acties" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn acties", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByTestId("action-row").Filter(new() { HasText = Action });
        await Assertions.Expect(row.GetByTestId("overdue")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = Action }).ClickAsync();

        // A note and "Afgerond": saved as one step of the history, the meeting long closed.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanbeveling opvolgen", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("recommendation-status")).ToHaveTextAsync("Afgesproken");
        await page.GetByLabel("Nieuwe status").SelectOptionAsync(new SelectOptionValue { Label = "Afgerond" });
        await page.GetByLabel("Notitie", new() { Exact = false }).FillAsync("Contactpersoon is afgesproken met de praktijk.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voortgang opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("De voortgang is opgeslagen.");
        await Assertions.Expect(page.GetByTestId("recommendation-status")).ToHaveTextAsync("Afgerond");
        var step = page.GetByTestId("history-step").First;
        await Assertions.Expect(step).ToContainTextAsync("Kevin Smit");
        await Assertions.Expect(step).ToContainTextAsync("Afgesproken → Afgerond");
        await Assertions.Expect(step).ToContainTextAsync("Contactpersoon is afgesproken met de praktijk.");
        await Assertions.Expect(page.GetByTestId("overdue")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "follow-up");

        // The coordinator finds it done, and no longer among the open or overdue actions.
        var coordinator = await session.NewSignedInPageAsync("hanna.koster@demo.proeftuin.nl");
        await coordinator.GotoAsync("/coordinatie");
        await coordinator.GetByLabel("Tekst bevat", new() { Exact = true }).FillAsync("opvolgtest");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await coordinator.WaitForURLAsync(url => url.Contains("text=opvolgtest", StringComparison.Ordinal));
        var listed = coordinator.GetByTestId("recommendation-row").Filter(new() { HasText = Action });
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        await Assertions.Expect(listed).ToContainTextAsync("Afgerond");
        await Assertions.Expect(coordinator.GetByTestId("no-follow-up")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByTestId("follow-up-row").Filter(new() { HasText = Action })).ToHaveCountAsync(0);
    }
}
