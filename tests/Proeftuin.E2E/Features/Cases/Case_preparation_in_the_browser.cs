using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Features.Cases;

/// <summary>
/// Preparing a case before any meeting, in two browsers: a member creates a case, another member of the wijk edits it
/// at the same time, the first adds a guarded name, replaces two findings by clicking (one everywhere at once) and
/// dismisses one with a reason, fixes a refused title and marks the case ready; the chair then finds it offered on the
/// planning page. CodeMirror draws only the visible lines, so texts are read from its state, not from the DOM.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Case_preparation_in_the_browser(BrowserSession session)
{
    private const string Author = "kevin.smit@demo.proeftuin.nl";
    private const string Colleague = "esra.yilmaz@demo.proeftuin.nl";
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = BrowserSession.ExpectTimeout };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyContains = new() { Timeout = BrowserSession.ExpectTimeout };
    private static readonly LocatorAssertionsToBeVisibleOptions PatientlyVisible = new() { Timeout = BrowserSession.ExpectTimeout };

    [Fact]
    public async Task Two_members_prepare_a_case_anonymise_it_by_clicking_and_the_chair_is_offered_it_for_the_agenda()
    {
        var author = await session.NewSignedInPageAsync(Author);
        await author.GotoAsync("/wijken/ondiep");
        await author.GetByRole(AriaRole.Link, new() { Name = "Nieuwe casus" }).ClickAsync();
        await author.GetByLabel("Titel van de casus").FillAsync("Voorbereid voor de bespreking");
        await author.GetByLabel("Leeftijdscategorie").SelectOptionAsync("Child");
        await author.GetByRole(AriaRole.Button, new() { Name = "Casus aanmaken" }).ClickAsync();
        await ConnectedAsync(author);
        var caseUrl = author.Url;

        var colleague = await session.NewSignedInPageAsync(Colleague);
        await colleague.GotoAsync(caseUrl);
        await ConnectedAsync(colleague);
        await Assertions.Expect(author.GetByTestId("case-participants")).ToContainTextAsync("Esra", PatientlyContains);

        // A guarded name: afterwards only a count is shown, never the name.
        await author.GetByLabel("Namen (één per regel)").FillAsync("Wolkenberg");
        await author.GetByRole(AriaRole.Button, new() { Name = "Namen toevoegen" }).ClickAsync();
        await Assertions.Expect(author.GetByTestId("guarded-count")).ToContainTextAsync("1 beschermde", PatientlyContains);
        Assert.DoesNotContain("Wolkenberg", await author.ContentAsync(), StringComparison.Ordinal);
        await ConnectedAsync(author);

        // Both type at the same time: the author at the end of the text, the colleague at its start.
        await EndOfTextAsync(author, "Control+End");
        await EndOfTextAsync(colleague, "Control+Home");
        await Task.WhenAll(
            author.Keyboard.TypeAsync("Moeder komt met Sanne sinds 14 februari 2011 naar de praktijk. Ook vader ziet Sanne weinig.", new() { Delay = 10 }),
            colleague.Keyboard.TypeAsync("De familie Wolkenberg helpt mee. ", new() { Delay = 10 }));
        await RoomPages.SameSavedTextAsync(author, colleague, "#case-preparation", "case-save-state");
        var findings = author.GetByTestId("case-findings");
        await Assertions.Expect(findings).ToContainTextAsync("Sanne", PatientlyContains);
        await Assertions.Expect(findings).ToContainTextAsync("Wolkenberg", PatientlyContains);
        await Assertions.Expect(findings).ToContainTextAsync("14 februari 2011", PatientlyContains);
        await Assertions.Expect(colleague.GetByTestId("case-findings")).ToContainTextAsync("Wolkenberg", PatientlyContains);

        // Sanne: "vervang overal" replaces both occurrences at once.
        await author.Locator(".proeftuin-finding", new() { HasText = "Sanne" }).First.ClickAsync();
        await author.GetByTestId("finding-replace-all").ClickAsync();
        await Eventually.UntilAsync(async () => !(await EditorTextAsync(author)).Contains("Sanne", StringComparison.Ordinal), "both occurrences of the name are replaced");

        // Wolkenberg by keyboard: Escape closes the popover, Ctrl+. opens it with focus on "vervang door", Enter replaces.
        await author.Locator(".proeftuin-finding", new() { HasText = "Wolkenberg" }).ClickAsync();
        await Assertions.Expect(author.GetByTestId("finding-popover")).ToBeVisibleAsync(PatientlyVisible);
        await author.Keyboard.PressAsync("Escape");
        await Assertions.Expect(author.GetByTestId("finding-popover")).ToBeHiddenAsync();
        await author.Keyboard.PressAsync("Control+.");
        await Assertions.Expect(author.GetByTestId("finding-replace")).ToBeFocusedAsync();
        await author.Keyboard.PressAsync("Enter");
        await Eventually.UntilAsync(async () => !(await EditorTextAsync(author)).Contains("Wolkenberg", StringComparison.Ordinal), "the guarded name is replaced");
        await RoomPages.SameSavedTextAsync(author, colleague, "#case-preparation", "case-save-state");

        // The date is the date of registration, not of the child: dismissed with a reason.
        await Assertions.Expect(author.Locator(".proeftuin-finding", new() { HasText = "14 februari 2011" })).ToBeVisibleAsync(PatientlyVisible);
        await author.Locator(".proeftuin-finding", new() { HasText = "14 februari 2011" }).ClickAsync();
        await author.GetByLabel("Waarom is dit geen identificerend gegeven?").FillAsync("Datum van aanmelding bij de praktijk, niet van het kind");
        await author.GetByTestId("finding-dismiss").ClickAsync();
        await Assertions.Expect(author.GetByTestId("finding-popover")).ToBeHiddenAsync();
        await Assertions.Expect(author.GetByTestId("no-live-findings")).ToBeVisibleAsync(PatientlyVisible);
        await Assertions.Expect(colleague.GetByTestId("no-live-findings")).ToBeVisibleAsync(PatientlyVisible);
        var text = await EditorTextAsync(colleague);
        Assert.Equal(await EditorTextAsync(author), text);
        Assert.Contains("14 februari 2011", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanne", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wolkenberg", text, StringComparison.Ordinal);

        // An identifying title is refused with its findings shown; a neutral one is saved.
        await author.GetByLabel("Titel", new() { Exact = true }).FillAsync("Ahmed (14) met paniekaanvallen");
        await author.GetByRole(AriaRole.Button, new() { Name = "Titel en thema's opslaan" }).ClickAsync();
        await Assertions.Expect(author.GetByTestId("guard-findings")).ToContainTextAsync("Ahmed", PatientlyContains);
        await author.GetByLabel("Titel", new() { Exact = true }).FillAsync("Slaapproblemen en zorgen thuis");
        await author.GetByRole(AriaRole.Button, new() { Name = "Titel en thema's opslaan" }).ClickAsync();
        await Assertions.Expect(author.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Slaapproblemen en zorgen thuis", PatientlyContains);

        await author.GetByTestId("mark-ready").ClickAsync();
        await Assertions.Expect(author.GetByTestId("case-status")).ToHaveTextAsync("Klaar voor bespreking", Patiently);
        await Accessibility.AssertNoViolationsAsync(author);

        var chair = await session.NewSignedInPageAsync(Chair);
        await chair.GotoAsync("/besprekingen/plannen?wijk=ondiep");
        var offered = chair.GetByTestId("agenda-case").Filter(new() { HasText = "Slaapproblemen en zorgen thuis" });
        await Assertions.Expect(offered).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(offered.GetByTestId("ready-case")).ToHaveTextAsync("Klaar voor bespreking");
    }

    private static Task ConnectedAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("case-connection")).ToHaveTextAsync("Verbonden", Patiently);

    private static async Task EndOfTextAsync(IPage page, string key)
    {
        await page.Locator("#case-editor .cm-content").ClickAsync();
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>The text in CodeMirror's state (the DOM holds only the visible lines).</summary>
    private static Task<string> EditorTextAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('#case-editor .cm-content').cmTile.root.view.state.doc.toString()");

}
