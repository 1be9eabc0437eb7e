using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Cases;

[Collection(BrowserCollection.Name)]
public sealed class Case_pages_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Member_opens_a_case_and_its_time_line_and_both_are_accessible()
    {
        var page = await session.NewSignedInPageAsync("kevin.smit@demo.proeftuin.nl");
        await page.GotoAsync("/wijken/ondiep");

        await page.GetByTestId("case-row").First.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-text")).ToContainTextAsync("Aanmelding en hulpvraag");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "case");

        await page.GetByLabel("Versie (0 tot en met", new() { Exact = false }).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon versie" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tekst bij versie 0 (alleen lezen)" })).ToBeVisibleAsync();
        Assert.Contains("versie=0", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Member_creates_a_case_after_fixing_the_errors_and_every_state_is_accessible()
    {
        var page = await session.NewSignedInPageAsync("kevin.smit@demo.proeftuin.nl");
        await page.GotoAsync("/wijken/ondiep");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe casus" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-headings")).ToContainTextAsync("Casusvraag voor de bespreking");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "new-case");

        await page.GetByRole(AriaRole.Button, new() { Name = "Casus aanmaken" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Geef de casus een korte, niet-identificerende titel.");
        await Assertions.Expect(page.GetByLabel("Titel van de casus")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "new-case-errors");

        await page.GetByLabel("Titel van de casus").FillAsync("Piekeren en buikpijn");
        await page.GetByLabel("Leeftijdscategorie").SelectOptionAsync("Child");
        await page.GetByLabel("Thema's (optioneel)").FillAsync("angst, school");
        await page.GetByLabel("Titel van de casus").PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is aangemaakt");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Piekeren en buikpijn");
        await Assertions.Expect(page.GetByTestId("case-text").GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("Piekeren en buikpijn");
    }
}
