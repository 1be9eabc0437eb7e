using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Meetings;

/// <summary>
/// The chair of Ondiep plans a meeting, edits its agenda (moves a case down, adds one, removes one) and reschedules
/// it, all with the keyboard, then runs it through its phases and back, opens a writing round the member answers unseen
/// and shares the answers, and goes on to the second case; a member in a second
/// browser sees every phase change live, and only the chair controls that apply are on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Chair_steers_in_the_browser(BrowserSession session)
{
    private const string Title = "Casuïstiek mei (voorzitter)";
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };

    [Fact]
    public async Task Chair_plans_edits_the_agenda_reschedules_and_steers_while_a_member_follows_live()
    {
        var chair = await session.NewSignedInPageAsync("joost.mulder@demo.proeftuin.nl");

        // Plan with the first two cases of the wijk.
        await chair.GotoAsync("/besprekingen/plannen?wijk=ondiep");
        // A label is "code — title", with " — Klaar voor bespreking" after it once a case is ready (another test may
        // have marked one); the other pages name a case by "code — title" alone.
        var labels = await chair.GetByTestId("agenda-case").Locator("label").AllInnerTextsAsync();
        var cases = await chair.GetByTestId("agenda-case").Locator("label").EvaluateAllAsync<string[]>("labels => labels.map(l => l.firstChild.textContent.replace(/\\s*—\\s*$/, '').trim())");
        await chair.GetByLabel("Titel van de bespreking").FillAsync(Title);
        await chair.GetByLabel("Datum").FillAsync("2027-05-13");
        await chair.GetByLabel("Begintijd (Nederlandse tijd)").FillAsync("12:30");
        await chair.GetByLabel(labels[0], new() { Exact = true }).CheckAsync();
        await chair.GetByLabel(labels[1], new() { Exact = true }).CheckAsync();
        await chair.GetByRole(AriaRole.Button, new() { Name = "Bespreking plannen" }).ClickAsync();
        await chair.GetByTestId("meeting-row").Filter(new() { HasText = Title }).GetByRole(AriaRole.Link).ClickAsync();
        await chair.GetByTestId("edit-meeting").ClickAsync();
        await Accessibility.AssertNoViolationsAsync(chair);

        // Move the first case down with the keyboard: focus stays on the moved case's button.
        await chair.GetByRole(AriaRole.Button, new() { Name = $"{cases[0]} omlaag" }).PressAsync("Enter");
        await Assertions.Expect(chair.GetByTestId("status-message")).ToHaveTextAsync("De volgorde van de agenda is aangepast.", Patiently);
        await Assertions.Expect(chair.GetByRole(AriaRole.Button, new() { Name = $"{cases[0]} omhoog" })).ToBeFocusedAsync();
        await Assertions.Expect(chair.GetByTestId("edit-agenda-item").First).ToContainTextAsync(cases[1]);

        // Add the third case, then take the first planned one off again.
        await chair.GetByLabel("Casus toevoegen").SelectOptionAsync(new SelectOptionValue { Label = cases[2] });
        await chair.GetByLabel("Tijdvak in minuten voor de toe te voegen casus").FillAsync("20");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Op de agenda zetten" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("edit-agenda-item")).ToHaveCountAsync(3);
        await chair.GetByRole(AriaRole.Button, new() { Name = $"{cases[0]} van de agenda halen" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("edit-agenda-item")).ToHaveCountAsync(2);
        await Assertions.Expect(chair.GetByTestId("edit-agenda-item").Nth(1)).ToContainTextAsync(cases[2]);

        // Reschedule: a later time, a timebox of 40 minutes for the first case.
        await chair.GetByLabel("Begintijd (Nederlandse tijd)").FillAsync("13:15");
        await chair.GetByLabel($"Tijdvak in minuten voor {cases[1]}").FillAsync("40");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("status-message")).ToHaveTextAsync("De wijzigingen zijn opgeslagen.", Patiently);
        await Assertions.Expect(chair.GetByLabel("Begintijd (Nederlandse tijd)")).ToHaveValueAsync("13:15");

        // Into the room, with a member of the wijk in a second browser.
        await chair.GetByRole(AriaRole.Link, new() { Name = "Terug naar de bespreking" }).ClickAsync();
        var meetingPath = new Uri(chair.Url).AbsolutePath;
        await Assertions.Expect(chair.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", Patiently);
        var member = await session.NewSignedInPageAsync("kevin.smit@demo.proeftuin.nl");
        await member.GotoAsync(meetingPath);
        await Assertions.Expect(member.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", Patiently);
        await Assertions.Expect(chair.Locator("#agenda li").First).ToContainTextAsync(cases[1]);
        await Assertions.Expect(Chair(chair, "Volgende fase")).ToBeHiddenAsync();

        await Chair(chair, "Bespreking starten").ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Inbreng", Patiently);
        await Assertions.Expect(Chair(chair, "Bespreking starten")).ToBeHiddenAsync();
        await Assertions.Expect(Chair(chair, "Vorige fase")).ToBeHiddenAsync();
        await Assertions.Expect(chair.GetByTestId("timer-face")).ToHaveTextAsync("8:00", Patiently); // Inbreng: 20% of 40 minutes.
        await Chair(chair, "Timer starten").ClickAsync();
        await Assertions.Expect(Chair(chair, "Timer pauzeren")).ToBeVisibleAsync();

        await Chair(chair, "Volgende fase").ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Verheldering", Patiently);
        await Chair(chair, "Volgende fase").ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Analyse", Patiently);
        await Chair(chair, "Vorige fase").ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Verheldering", Patiently);
        await Assertions.Expect(member.GetByTestId("timer-face")).ToContainTextAsync("7:", new() { Timeout = BrowserSession.ExpectTimeout }); // Verheldering afresh: 8:00 counting down.

        // A writing round: the chair asks, the member answers unseen, the chair shares the answers with the room.
        await chair.GetByLabel("Vraag voor de schrijfronde").FillAsync("Wat is de kern van de hulpvraag?");
        await Chair(chair, "Schrijfronde openen").ClickAsync();
        await member.GetByLabel("Jouw antwoord").FillAsync("Rust in het gezin na de verhuizing.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Antwoord bewaren" }).ClickAsync();
        await Assertions.Expect(chair.Locator("#round-status")).ToContainTextAsync("1 van de aanwezigen hebben geschreven", new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(chair.Locator("#round-answers")).Not.ToContainTextAsync("Rust in het gezin");
        await Chair(chair, "Antwoorden delen").ClickAsync();
        await Assertions.Expect(member.Locator("#round-answers")).ToContainTextAsync("Rust in het gezin na de verhuizing.", new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(chair.Locator("#round-answers")).ToContainTextAsync("Rust in het gezin na de verhuizing.", new() { Timeout = BrowserSession.ExpectTimeout });

        await Chair(chair, "Volgende casus").ClickAsync();
        await Assertions.Expect(member.GetByTestId("phase")).ToHaveTextAsync("Fase: Inbreng", Patiently);
        await Assertions.Expect(member.Locator("#agenda li[aria-current=\"step\"]")).ToContainTextAsync(cases[2], new() { Timeout = BrowserSession.ExpectTimeout });
        await Assertions.Expect(Chair(chair, "Volgende casus")).ToBeHiddenAsync(); // the last case on the agenda
        await Accessibility.AssertNoViolationsAsync(chair);
    }

    private static ILocator Chair(IPage page, string name) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Voorzitter" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
