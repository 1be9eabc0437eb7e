using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Features.Cases;

/// <summary>
/// The case time line: a member writes two versions of a case text; the chair compares the earlier one with the latest
/// (what was added is marked, in words too, not only by colour) and restores it after a confirmation, and the member's
/// open editor takes the restored text in without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Case_timeline_in_the_browser(BrowserSession session)
{
    private const string Member = "kevin.smit@demo.proeftuin.nl";
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = BrowserSession.ExpectTimeout };

    [Fact]
    public async Task The_time_line_shows_what_changed_and_the_chair_restores_an_earlier_version()
    {
        var member = await session.NewSignedInPageAsync(Member);
        await member.GotoAsync("/wijken/ondiep");
        await member.GetByRole(AriaRole.Link, new() { Name = "Nieuwe casus" }).ClickAsync();
        await member.GetByLabel("Titel van de casus").FillAsync("Tijdlijn met een herstelde versie");
        await member.GetByLabel("Leeftijdscategorie").SelectOptionAsync("Child");
        await member.GetByRole(AriaRole.Button, new() { Name = "Casus aanmaken" }).ClickAsync();
        await ConnectedAsync(member);
        var caseUrl = member.Url;

        await TypeAtEndAsync(member, "De zorgen gaan over slapen.");
        var earlier = await SavedRevisionAsync(member);
        var earlierText = await EditorTextAsync(member);
        await TypeAtEndAsync(member, " Deze zin moet weer weg.");
        await SavedRevisionAsync(member);

        var chair = await session.NewSignedInPageAsync(Chair);
        await chair.GotoAsync($"{caseUrl}?versie={earlier}#versie-tekst");
        var diff = chair.GetByTestId("version-diff");
        await Assertions.Expect(diff.Locator("ins")).ToContainTextAsync("Deze zin moet weer weg.");
        await Assertions.Expect(diff.Locator("ins")).ToContainTextAsync("[toegevoegd:");
        await Accessibility.AssertNoViolationsAsync(chair);

        await chair.GetByRole(AriaRole.Button, new() { Name = $"Versie {earlier} terugzetten" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("restore-confirmation")).ToContainTextAsync($"versie {earlier} wilt terugzetten");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Ja, terugzetten" }).ClickAsync();
        await Assertions.Expect(chair.GetByRole(AriaRole.Status)).ToContainTextAsync($"Versie {earlier} is teruggezet", PatientlyContains);
        await Assertions.Expect(chair.GetByTestId("no-diff")).ToBeVisibleAsync();

        // The member's editor, open all along, converges on the restored text and keeps working.
        await Eventually.UntilAsync(async () => await EditorTextAsync(member) == earlierText, "the member's open editor shows the restored version");
        await TypeAtEndAsync(member, " Nu verder.");
        await SavedRevisionAsync(member);
        await chair.GotoAsync(caseUrl);
        await ConnectedAsync(chair);
        await Eventually.UntilAsync(async () => await EditorTextAsync(chair) == earlierText + " Nu verder.", "the chair's editor has the restored text with the member's new words");
    }

    private static Task ConnectedAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("case-connection")).ToHaveTextAsync("Verbonden", Patiently);

    private static async Task TypeAtEndAsync(IPage page, string text)
    {
        await page.Locator("#case-editor .cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(text, new() { Delay = 10 });
    }

    /// <summary>The revision once everything typed on <paramref name="page"/> is saved.</summary>
    private static async Task<long> SavedRevisionAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("case-save-state")).ToHaveTextAsync("Alle wijzigingen zijn opgeslagen", Patiently);
        return long.Parse(await page.Locator("#case-preparation").GetAttributeAsync("data-revision") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The text in CodeMirror's state (the DOM holds only the visible lines).</summary>
    private static Task<string> EditorTextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('#case-editor .cm-content').cmTile.root.view.state.doc.toString()");
}
