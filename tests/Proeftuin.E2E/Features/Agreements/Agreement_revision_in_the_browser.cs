using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;

namespace Proeftuin.E2E.Features.Agreements;

[Collection(BrowserCollection.Name)]
public sealed class Agreement_revision_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Chair_revises_a_wijkafspraak_with_a_reason_and_the_history_shows_the_earlier_version_and_the_reason()
    {
        var page = await session.NewSignedInPageAsync("ruud.jansen@demo.proeftuin.nl");
        await page.GotoAsync("/wijken/leidsche-rijn/afspraken/nieuw");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Terugbellen binnen een week");
        await page.GetByLabel("Afspraak", new() { Exact = true }).FillAsync("Wie een verwijzing krijgt, belt de verwijzer binnen een week terug.");
        await page.Locator("input[name=Sources]").First.CheckAsync();
        await page.GetByLabel("Herzien op", new() { Exact = true }).FillAsync("2027-09-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijkafspraak vastleggen" }).ClickAsync();
        var card = page.GetByTestId("agreement").Filter(new() { HasText = "Terugbellen binnen een week" });

        await card.GetByRole(AriaRole.Link, new() { Name = "Herzien" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wijkafspraak herzien: Terugbellen binnen een week", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Terugbellen binnen een week");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Terugbellen binnen drie werkdagen");
        await page.GetByLabel("Reden van de herziening").FillAsync("Een week bleek te lang voor de scholen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Herziening opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("De wijkafspraak is herzien");
        var revised = page.GetByTestId("agreement").Filter(new() { HasText = "Terugbellen binnen drie werkdagen" });
        await revised.GetByRole(AriaRole.Link, new() { Name = "Geschiedenis (1)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geschiedenis van Terugbellen binnen drie werkdagen", Level = 1 })).ToBeVisibleAsync();
        var revision = page.GetByTestId("revision");
        await Assertions.Expect(revision.GetByTestId("reason")).ToHaveTextAsync("Een week bleek te lang voor de scholen");
        await Assertions.Expect(revision.GetByTestId("previous-title")).ToHaveTextAsync("Terugbellen binnen een week");
        await Assertions.Expect(revision.GetByTestId("revised-at")).ToHaveTextAsync(new Regex(@"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$"));
        await Assertions.Expect(revision).ToContainTextAsync("Ruud Jansen");
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "agreement-history");
    }
}
