using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Features.Coordination;

[Collection(BrowserCollection.Name)]
public sealed class Coordinator_workspace_in_the_browser(BrowserSession session)
{
    private static readonly string[] CsvColumns = ["thema", "datum", "wijk", "casus", "aanbeveling", "pijlers", "niveau", "gericht aan", "status", "eigenaar", "deadline"];

    [Fact]
    public async Task Coordinator_filters_groups_two_recommendations_into_a_theme_and_exports_it()
    {
        var page = await session.NewSignedInPageAsync("hanna.koster@demo.proeftuin.nl");
        await page.GotoAsync("/coordinatie");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coördinatie", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Aanbevelingen per pijler en wijk" })).ToBeVisibleAsync();

        // Filter: pillar "Randvoorwaarden" and the word "tolk" — the interpreter recommendation of every wijk.
        await page.GetByLabel("Pijler", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Randvoorwaarden" });
        await page.GetByLabel("Tekst bevat", new() { Exact = true }).FillAsync("tolk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("pillar=Preconditions", StringComparison.Ordinal) && url.Contains("text=tolk", StringComparison.Ordinal));
        var rows = page.GetByTestId("recommendation-row");
        Assert.True(await rows.CountAsync() >= 2);
        foreach (var row in await rows.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync("tolk");
            await Assertions.Expect(row).ToContainTextAsync("Randvoorwaarden");
        }

        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "coordination");

        // The filtered list as CSV (the page's own download link): BOM, the columns, one line per row shown.
        var shown = await rows.CountAsync();
        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("exports").GetByRole(AriaRole.Link, new() { Name = "CSV (komma's)" }).ClickAsync());
        var csvBytes = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
        Assert.EndsWith(".csv", csvDownload.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var csv = CsvReader.Parse(Encoding.UTF8.GetString(csvBytes[3..]), ',');
        Assert.Equal(CsvColumns, csv[0]);
        Assert.Equal(shown, csv.Count - 1);
        Assert.All(csv.Skip(1), r => Assert.Contains("tolk", r[4], StringComparison.Ordinal));

        // Group the first two into a theme with a synthesis.
        await rows.Nth(0).GetByRole(AriaRole.Checkbox).CheckAsync();
        await rows.Nth(1).GetByRole(AriaRole.Checkbox).CheckAsync();
        var first = await rows.Nth(0).Locator("td").Nth(4).InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Groeperen in thema" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nieuw thema", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Titel van het thema").FillAsync("Tolken bij oudergesprekken");
        await page.GetByLabel("Synthese", new() { Exact = true }).FillAsync("Meerdere wijken vragen om **standaard een tolk**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thema aanmaken" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tolken bij oudergesprekken", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is aangemaakt");
        await Assertions.Expect(page.GetByTestId("synthesis").Locator("strong")).ToHaveTextAsync("standaard een tolk");
        await Assertions.Expect(page.GetByTestId("recommendation-row")).ToHaveCountAsync(2);
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "coordination-theme");

        // The theme as DOCX: the heading, the synthesis and a table with the two recommendations.
        var docxDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("exports").GetByRole(AriaRole.Link, new() { Name = "Word-document (.docx)" }).ClickAsync());
        Assert.EndsWith(".docx", docxDownload.SuggestedFilename, StringComparison.Ordinal);
        using (var document = WordprocessingDocument.Open((await docxDownload.PathAsync())!, false))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            Assert.Equal("Tolken bij oudergesprekken", body.Elements<Paragraph>().Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").InnerText);
            var tableRows = body.Descendants<TableRow>().ToList();
            Assert.Equal(3, tableRows.Count);
            Assert.Contains(tableRows.Skip(1), r => r.Elements<TableCell>().First().InnerText == first);
        }

        // The theme as CSV for Dutch Excel: semicolons, the theme's title in every row.
        var themeCsv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("exports").GetByRole(AriaRole.Link, new() { Name = "CSV voor Nederlandse Excel (puntkomma's)" }).ClickAsync());
        var themeRows = CsvReader.Parse(Encoding.UTF8.GetString((await File.ReadAllBytesAsync((await themeCsv.PathAsync())!))[3..]), ';');
        Assert.Equal(CsvColumns, themeRows[0]);
        Assert.Equal(2, themeRows.Count - 1);
        Assert.All(themeRows.Skip(1), r => Assert.Equal("Tolken bij oudergesprekken", r[0]));

        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar de thema's" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tolken bij oudergesprekken" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
