using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Coordination;

namespace Proeftuin.E2E.Features.Coordination;

[Collection(BrowserCollection.Name)]
public sealed class Coordinator_report_in_the_browser(BrowserSession session)
{
    [Fact]
    public async Task Coordinator_compares_two_half_years_and_downloads_the_report_as_docx_and_csv()
    {
        // B is the half-year of the demo's meetings; the test holds a meeting in Ondiep in the half-year before.
        var (a, b) = await PeriodsAsync();
        await session.App.Services.HeldMeetingAsync("ondiep", DateTime.SpecifyKind(a.From.AddDays(40).ToDateTime(new TimeOnly(11, 0)), DateTimeKind.Utc),
        [
            new("Leg de hulpvraag van het kind vast in zijn eigen woorden.", VisionPillar.ClientCentred | VisionPillar.Preconditions, RecommendationLevel.Case),
            new("Vraag de gemeente om budget voor tolken in alle wijken.", VisionPillar.Preconditions, RecommendationLevel.City),
        ], [(6, "Te weinig tijd voor de analyse."), (8, null)]);
        var (labelA, labelB) = ($"{a.Half}e halfjaar {a.Year}", $"{b.Half}e halfjaar {b.Year}");

        var page = await session.NewSignedInPageAsync("hanna.koster@demo.proeftuin.nl");
        await page.GotoAsync("/coordinatie");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapportage (twee periodes vergelijken)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapportage voor de Academische Werkplaats", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Periode A").SelectOptionAsync(new SelectOptionValue { Label = labelA });
        await page.GetByLabel("Periode B").SelectOptionAsync(new SelectOptionValue { Label = labelB });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vergelijken" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"a={a.Key}", StringComparison.Ordinal) && url.Contains($"b={b.Key}", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("report-subtitle")).ToHaveTextAsync($"{labelA} vergeleken met {labelB}");

        // Side by side: the pillar table has a column per period; Ondiep's evaluation in A is (6 + 8) / 2; the remark, no name.
        var pillars = page.Locator("table[data-table='pillars']");
        await Assertions.Expect(pillars.Locator("thead th")).ToHaveTextAsync(["Pijler", labelA, labelB, "Verschil"]);
        await Assertions.Expect(pillars.Locator("tbody tr").Filter(new() { HasText = "Randvoorwaarden" }).Locator("td").First).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("table[data-table='evaluations'] tbody tr").Filter(new() { HasText = "Ondiep" }).Locator("td").First).ToHaveTextAsync("7,0");
        await Assertions.Expect(page.Locator("table[data-table='remarks']")).ToContainTextAsync("Te weinig tijd voor de analyse.");
        await Assertions.Expect(page.Locator("table[data-table='agreements']")).ToContainTextAsync("Eén regiehouder per casus");
        var charts = await page.GetByTestId("report-chart").CountAsync();
        Assert.Equal(6, charts);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Aanbevelingen per pijler, {labelA} en {labelB}" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Accessibility.ScreenshotAsync(page, "coordination-report");

        // The Word document: every table of the page, and one image per chart.
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-exports").GetByRole(AriaRole.Link, new() { Name = "Word-document (.docx)" }).ClickAsync());
        Assert.Equal($"rapportage-{a.Key.ToLowerInvariant()}-{b.Key.ToLowerInvariant()}.docx", docx.SuggestedFilename);
        var tablesOnPage = await page.GetByTestId("report-table").CountAsync();
        using (var document = WordprocessingDocument.Open((await docx.PathAsync())!, false))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            Assert.Equal(tablesOnPage, body.Elements<Table>().Count());
            Assert.Contains(body.Elements<Table>(), t => t.Elements<TableRow>().First().InnerText == $"Pijler{labelA}{labelB}Verschil");
            Assert.Equal(charts, body.Descendants<Drawing>().Count());
            Assert.Equal(charts, document.MainDocumentPart.ImageParts.Count(p => p.ContentType == "image/png"));
        }

        // The pillar table as CSV: what the page shows, row for row.
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-csv").GetByRole(AriaRole.Link, new() { Name = "Aanbevelingen per pijler (CSV)" }).ClickAsync());
        Assert.EndsWith("-pillars.csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = CsvHelper.CsvReader.Create(bytes[3..], new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        Assert.Equal(["Pijler", labelA, labelB, "Verschil"], rows[0]);
        var shown = await pillars.Locator("tbody tr").AllAsync();
        Assert.Equal(shown.Count, rows.Count - 1);
        for (var i = 0; i < shown.Count; i++)
        {
            Assert.Equal(await shown[i].Locator("th, td").AllInnerTextsAsync(), rows[i + 1]);
        }

        // On a phone the report still reads: the periods, the tables scroll inside their box.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByLabel("Periode A")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task<(ReportPeriod A, ReportPeriod B)> PeriodsAsync()
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var held = await db.Meetings.Where(m => m.StartedAtUtc != null).Select(m => m.StartedAtUtc!.Value).MinAsync();
        var b = ReportPeriod.Containing(DateOnly.FromDateTime(held));
        return (b.Previous(), b);
    }
}
