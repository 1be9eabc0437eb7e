using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Features.Coordination;
using Proeftuin.Web.Tests.Infrastructure;
using static Proeftuin.Web.Tests.Features.Coordination.CoordinationTestData;
using static Proeftuin.Web.Tests.Features.Coordination.ReportTestData;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>
/// The coordinator's report: two half-years side by side, from the demo data plus one meeting the test holds in the
/// earlier half-year; its Word document (tables and one image per chart), print page and CSV per table.
/// </summary>
public sealed class Coordinator_report(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const int Charts = 6;

    [Fact]
    public async Task Coordinator_compares_two_half_years_per_pillar_wijk_level_and_evaluation()
    {
        var (a, b) = await PeriodsAsync(factory);
        await HoldEarlierMeetingAsync(factory, a, [(6, EarlierRemark), (8, null)]);
        using var hanna = await factory.SignedInAsync(Coordinator);
        var query = $"?a={a.Key}&b={b.Key}";

        var page = await hanna.OpenAsync("/coordinatie/rapportage" + query);
        var pillars = await CsvAsync(hanna, "pillars", query);
        var matrixA = await CsvAsync(hanna, "matrix-a", query);
        var levels = await CsvAsync(hanna, "levels", query);
        var wijken = await CsvAsync(hanna, "wijken", query);
        var evaluations = await CsvAsync(hanna, "evaluations", query);
        var remarks = await CsvAsync(hanna, "remarks", query);
        var agreements = await CsvAsync(hanna, "agreements", query);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Charts, CountOf(page.Html, "data-testid=\"report-chart\""));
        Assert.Contains("1e halfjaar", page.Text, StringComparison.Ordinal);
        Assert.Contains(EarlierRemark, page.Text, StringComparison.Ordinal);

        // Per pillar: A holds exactly the test's three recommendations; B is every demo recommendation held in B.
        var inB = await factory.QueryAsync(async db => (await (
            from r in db.Recommendations
            join m in db.Meetings on r.MeetingId equals m.Id
            select new { r.Pillars, r.Level, r.NeighbourhoodId, Held = m.StartedAtUtc ?? m.ScheduledStartUtc }).ToListAsync()).Where(x => b.Contains(x.Held)).ToList());
        Assert.Equal(["Pijler", a.Dutch, b.Dutch, "Verschil"], pillars.Header);
        int[] expectedA = [1, 1, 0, 2];
        for (var i = 0; i < 4; i++)
        {
            var pillar = VisionPillars.Each[i];
            var expectedB = inB.Count(x => x.Pillars.HasFlag(pillar));
            Assert.Equal([VisionPillars.Dutch(pillar), $"{expectedA[i]}", $"{expectedB}", Change(expectedB - expectedA[i])], pillars.Rows[i]);
        }

        // The matrix of A: only Ondiep has recommendations, one per pillar it serves.
        var ondiep = Array.IndexOf(matrixA.Header, "Ondiep");
        Assert.True(ondiep > 0);
        Assert.Equal(["1", "1", "0", "2"], matrixA.Rows.Select(r => r[ondiep]));
        Assert.All(matrixA.Rows, r => Assert.Equal(r.Length - 2, r.Skip(1).Count(c => c == "0") - (r[ondiep] == "0" ? 1 : 0)));

        Assert.Equal(["Casus", "Wijk", "Stedelijk"], levels.Rows.Select(r => r[0]));
        Assert.All(levels.Rows, r => Assert.Equal("1", r[1]));
        Assert.Equal(inB.Count(x => x.Level == RecommendationLevel.Case), int.Parse(levels.Rows[0][2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3", wijken.Rows.Single(r => r[0] == "Ondiep")[1]);

        // Evaluations: Ondiep's average in A is (6 + 8) / 2; in B the demo's scores of the held meeting.
        var scoresB = await factory.QueryAsync(async db => (await (
            from e in db.MeetingEvaluations
            join m in db.Meetings on e.MeetingId equals m.Id
            join n in db.Neighbourhoods on m.NeighbourhoodId equals n.Id
            where n.Slug == "ondiep"
            select new { e.Score, Held = m.StartedAtUtc ?? m.ScheduledStartUtc }).ToListAsync()).Where(x => b.Contains(x.Held)).Select(x => x.Score).ToList());
        var ondiepScores = evaluations.Rows.Single(r => r[0] == "Ondiep");
        Assert.Equal(["Ondiep", "7,0", "2", scoresB.Average().ToString("0.0", ReportEndpoints.Dutch), $"{scoresB.Count}"], ondiepScores[..5]);
        Assert.Contains(remarks.Rows, r => r[0] == "Ondiep" && r[1] == a.Dutch && r[2] == EarlierRemark);
        Assert.DoesNotContain(remarks.Header.Concat(remarks.Rows.SelectMany(r => r)), c => c.Contains("Kevin", StringComparison.Ordinal) || c.Contains("Smit", StringComparison.Ordinal));

        // Every wijk's demo agreement, in force, with its review date.
        Assert.Equal(["Wijk", "Wijkafspraak", "Aangenomen", "Status", "Herziening", "Herziening nodig"], agreements.Header);
        Assert.Contains(agreements.Rows, r => r[0] == "Ondiep" && r[1] == "Eén regiehouder per casus" && r[3] == "Van kracht" && r[5] == "nee");
    }

    [Fact]
    public async Task Word_document_holds_every_table_and_one_image_per_chart_and_the_print_page_the_charts()
    {
        var (a, b) = await PeriodsAsync(factory);
        await AddThemeAsync("Tijd voor analyse", "Meer **tijd** voor de analysefase.");
        using var hanna = await factory.SignedInAsync(Coordinator);
        var query = $"?a={a.Key}&b={b.Key}";

        using var docx = await hanna.GetAsync(new Uri("/api/coordination/report/export/docx" + query, UriKind.Relative));
        using var html = await hanna.GetAsync(new Uri("/api/coordination/report/export/html" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal($"rapportage-{a.Key.ToLowerInvariant()}-{b.Key.ToLowerInvariant()}.docx", docx.Content.Headers.ContentDisposition!.FileNameStar ?? docx.Content.Headers.ContentDisposition.FileName);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var body = document.MainDocumentPart!.Document!.Body!;
            var tables = body.Elements<Table>().ToList();
            var headers = tables.Select(t => string.Join("|", t.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText))).ToList();
            Assert.Contains($"Pijler|{a.Dutch}|{b.Dutch}|Verschil", headers);
            Assert.Contains($"Wijk|Gemiddelde {a.Dutch}|Evaluaties {a.Dutch}|Gemiddelde {b.Dutch}|Evaluaties {b.Dutch}|Verschil", headers);
            Assert.Contains("Wijk|Wijkafspraak|Aangenomen|Status|Herziening|Herziening nodig", headers);
            Assert.Equal(2, headers.Count(h => h.StartsWith("Pijler|Binnenstad", StringComparison.Ordinal)));
            Assert.True(tables.Count >= 7, $"{tables.Count} tables");

            // One image per chart, each a PNG part with its chart's description as alternative text.
            var drawings = body.Descendants<Drawing>().ToList();
            Assert.Equal(Charts, drawings.Count);
            Assert.Equal(Charts, document.MainDocumentPart.ImageParts.Count(p => p.ContentType == "image/png"));
            Assert.All(drawings, d => Assert.False(string.IsNullOrWhiteSpace(d.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Single().Description?.Value)));
            var png = document.MainDocumentPart.ImageParts.First().GetStream().ReadByte();
            Assert.Equal(0x89, png);

            Assert.Contains(body.Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2" && p.InnerText == "Tijd voor analyse");
            Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "tijd" && r.RunProperties?.Bold is not null);
        }

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var print = await html.Content.ReadAsStringAsync();
        Assert.Equal(Charts, CountOf(print, "<img src=\"data:image/png;base64,"));
        Assert.Contains($"<th scope=\"col\">{a.Dutch}</th>", print, StringComparison.Ordinal);
        Assert.Contains("<strong>tijd</strong>", print, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", print, StringComparison.Ordinal);
        Assert.Contains("img-src data:", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remarks_and_themes_that_may_identify_someone_stay_out_of_the_report_and_its_exports()
    {
        var (a, _) = await PeriodsAsync(factory);
        var earlier = a.Previous();
        await HoldEarlierMeetingAsync(factory, earlier, [(7, "Bel moeder op 06-12345678 voor de terugkoppeling."), (9, "Fijne sfeer.")]);
        await AddThemeAsync("Mail naar j.devries@example.nl", "Onveilig.");
        using var hanna = await factory.SignedInAsync(Coordinator);
        var query = $"?a={earlier.Key}&b={a.Key}";

        var page = await hanna.OpenAsync("/coordinatie/rapportage" + query);
        var remarks = await CsvAsync(hanna, "remarks", query);
        var themes = await CsvAsync(hanna, "themes", query);
        var print = await hanna.GetStringAsync(new Uri("/api/coordination/report/export/html" + query, UriKind.Relative));

        Assert.Contains("Fijne sfeer.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("06-12345678", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"held-back\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(remarks.Rows, r => r[2] == "Fijne sfeer.");
        Assert.DoesNotContain(remarks.Rows, r => r[2].Contains("06-12345678", StringComparison.Ordinal));
        Assert.DoesNotContain(themes.Rows, r => r[0].Contains("devries", StringComparison.Ordinal));
        Assert.DoesNotContain("06-12345678", print, StringComparison.Ordinal);
        Assert.DoesNotContain("devries", print, StringComparison.Ordinal);
        Assert.Contains("achtergehouden (mogelijk identificerend)", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_coordinator_reads_and_exports_the_report_and_every_export_is_audited()
    {
        var (a, b) = await PeriodsAsync(factory);
        var query = $"?a={a.Key}&b={b.Key}";
        using var hanna = await factory.SignedInAsync(Coordinator);
        using var kevin = await factory.SignedInAsync(Member);
        var before = await factory.QueryAsync(db => db.AuditEntries.CountAsync());

        var refusedPage = await kevin.OpenAsync("/coordinatie/rapportage" + query);
        using var refusedDocx = await kevin.GetAsync(new Uri("/api/coordination/report/export/docx" + query, UriKind.Relative));
        using var refusedCsv = await kevin.GetAsync(new Uri("/api/coordination/report/tables/pillars.csv" + query, UriKind.Relative));
        using var badPeriod = await hanna.GetAsync(new Uri("/api/coordination/report/export/docx?a=2026-H3&b=2026-H1", UriKind.Relative));
        using var badTable = await hanna.GetAsync(new Uri("/api/coordination/report/tables/salaries.csv" + query, UriKind.Relative));
        using var docx = await hanna.GetAsync(new Uri("/api/coordination/report/export/docx" + query, UriKind.Relative));
        using var csv = await hanna.GetAsync(new Uri("/api/coordination/report/tables/wijken.csv" + query + "&sep=semicolon", UriKind.Relative));
        var badPage = await hanna.OpenAsync("/coordinatie/rapportage?a=gisteren");

        Assert.Equal(HttpStatusCode.Forbidden, refusedPage.Status);
        Assert.Equal(HttpStatusCode.Forbidden, refusedDocx.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedCsv.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal("application/problem+json", badPeriod.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, badTable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("Wijk;" + a.Dutch, ParseCsv(await csv.Content.ReadAsByteArrayAsync(), ';').Header[0] + ";" + ParseCsv(await csv.Content.ReadAsByteArrayAsync(), ';').Header[1]);
        Assert.Equal(HttpStatusCode.OK, badPage.Status);
        Assert.Contains("Kies een halfjaar uit de lijst.", badPage.Text, StringComparison.Ordinal);

        var entries = await factory.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Skip(before).Where(e => e.ObjectType == "CoordinatorReport").ToListAsync());
        Assert.Contains(entries, e => e.Action == "export" && e.Outcome == "success" && e.ObjectId == $"docx a={a.Key} b={b.Key}" && e.UserName == "Hanna Koster");
        Assert.Contains(entries, e => e.Action == "export" && e.Outcome == "success" && e.ObjectId == $"csv wijken a={a.Key} b={b.Key}");
        Assert.Equal(2, entries.Count(e => e.Action == "export" && e.Outcome == "denied" && e.UserName == "Kevin Smit"));
        Assert.Contains(entries, e => e.Action == "read" && e.Outcome == "denied" && e.UserName == "Kevin Smit");
    }

    [Fact]
    public async Task English_coordinator_reads_the_report_in_English_and_the_workspace_links_to_it()
    {
        using var hanna = await factory.SignedInAsync(Coordinator);
        var workspace = await hanna.OpenAsync("/coordinatie?culture=en-GB&ui-culture=en-GB");
        var page = await hanna.OpenAsync("/coordinatie/rapportage?culture=en-GB&ui-culture=en-GB");

        Assert.Contains("href=\"/coordinatie/rapportage\"", workspace.Html, StringComparison.Ordinal);
        Assert.Contains("Report for the Academic Workplace", page.Text, StringComparison.Ordinal);
        Assert.Contains("Neighbourhood agreements", page.Text, StringComparison.Ordinal);
        Assert.Contains("half of", page.Text, StringComparison.Ordinal);
    }

    private static async Task<(string[] Header, List<string[]> Rows)> CsvAsync(HttpClient client, string table, string query)
    {
        using var response = await client.GetAsync(new Uri($"/api/coordination/report/tables/{table}.csv{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith($"-{table}.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        return ParseCsv(await response.Content.ReadAsByteArrayAsync());
    }

    private Task AddThemeAsync(string title, string synthesis) =>
        factory.QueryAsync(async db =>
        {
            var creator = await db.Professionals.Where(p => p.DisplayName == "Hanna Koster").Select(p => p.Id).SingleAsync();
            var ids = await db.Recommendations.OrderBy(r => r.CreatedAtUtc).Select(r => r.Id).Take(2).ToListAsync();
            db.RecommendationThemes.Add(new RecommendationTheme(Guid.NewGuid(), title, synthesis, ids, creator, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

    private static string Change(int value) => value.ToString("+0;-0;0", System.Globalization.CultureInfo.InvariantCulture);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
