using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;
using static Proeftuin.Web.Tests.Features.Coordination.CoordinationTestData;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>The coordinator's exports: CSV for Excel, DOCX, Markdown and printable HTML — each one in the audit log.</summary>
public sealed class Coordination_exports(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private static readonly string[] ExpectedColumns = ["thema", "datum", "wijk", "casus", "aanbeveling", "pijlers", "niveau", "gericht aan", "status", "eigenaar", "deadline"];

    [Fact]
    public async Task Csv_export_has_a_bom_the_columns_and_no_formula_injection()
    {
        await factory.AddRecommendationAsync("ondiep", "=HYPERLINK(\"#klik\";\"klik\") formuletest");
        await factory.AddRecommendationAsync("ondiep", "@ SUM(1+1) formuletest, met komma");
        await factory.AddRecommendationAsync("ondiep", "-2+3 formuletest");
        using var hanna = await factory.SignedInAsync(Coordinator);

        using var all = await hanna.GetAsync(new Uri("/api/coordination/recommendations/export/csv", UriKind.Relative));
        using var formulas = await hanna.GetAsync(new Uri("/api/coordination/recommendations/export/csv?text=formuletest&sep=semicolon", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("text/csv", all.Content.Headers.ContentType!.MediaType);
        // "aanbevelingen-" once, then the moment: the list is called what it is, not aanbevelingen-aanbevelingen-….
        Assert.Matches(@"^aanbevelingen-\d{8}-\d{4}\.csv$", all.Content.Headers.ContentDisposition!.FileNameStar ?? all.Content.Headers.ContentDisposition.FileName);
        var bytes = await all.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]), ',');
        Assert.Equal(ExpectedColumns, rows[0]);
        Assert.Equal(await factory.QueryAsync(db => db.Recommendations.CountAsync()), rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(ExpectedColumns.Length, r.Count));
        Assert.Contains(rows, r => r[4].StartsWith("Organiseer een tolk", StringComparison.Ordinal) && r[2] == "Ondiep" && r[5] == "Passende zorg, Randvoorwaarden");

        var semicolon = CsvReader.Parse(Encoding.UTF8.GetString((await formulas.Content.ReadAsByteArrayAsync())[3..]), ';');
        Assert.Equal(ExpectedColumns, semicolon[0]);
        Assert.Equal(3, semicolon.Count - 1);
        Assert.Contains(semicolon, r => r[4] == "'=HYPERLINK(\"#klik\";\"klik\") formuletest");
        Assert.Contains(semicolon, r => r[4] == "'@ SUM(1+1) formuletest, met komma");
        Assert.Contains(semicolon, r => r[4] == "'-2+3 formuletest");
        Assert.DoesNotContain(semicolon.Skip(1), r => r.Any(cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@'));
    }

    [Fact]
    public async Task Docx_export_opens_and_holds_the_recommendations()
    {
        var ids = await factory.QueryAsync(db => db.Recommendations.Where(r => r.Text.StartsWith("Spreek per casus")).Select(r => r.Id).ToListAsync());
        var theme = await factory.QueryAsync(async db =>
        {
            var creator = await db.Professionals.Where(p => p.DisplayName == "Hanna Koster").Select(p => p.Id).SingleAsync();
            var t = new RecommendationTheme(Guid.NewGuid(), "Regie per casus", "Alle wijken willen één regiehouder.", ids, creator, DateTime.UtcNow);
            db.RecommendationThemes.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        using var hanna = await factory.SignedInAsync(Coordinator);

        using var response = await hanna.GetAsync(new Uri($"/api/coordination/themes/{theme.Id}/export/docx", UriKind.Relative));
        using var list = await hanna.GetAsync(new Uri("/api/coordination/recommendations/export/docx?pillar=Preconditions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            // Valid against the Office Open XML schema, so Word opens it without "unreadable content".
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var body = document.MainDocumentPart!.Document!.Body!;
            var heading = body.Elements<Paragraph>().Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1");
            Assert.Equal("Regie per casus", heading.InnerText);
            Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "Alle wijken willen één regiehouder.");
            var rows = body.Descendants<TableRow>().ToList();
            Assert.Equal(["Aanbeveling", "Pijlers", "Wijk", "Casus", "Status", "Eigenaar", "Deadline"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
            Assert.Equal(3, rows.Count - 1);
            Assert.All(rows.Skip(1), r => Assert.StartsWith("Spreek per casus één regiehouder af", r.Elements<TableCell>().First().InnerText, StringComparison.Ordinal));
            Assert.Equal(["Binnenstad", "Leidsche Rijn", "Ondiep"], rows.Skip(1).Select(r => r.Elements<TableCell>().ElementAt(2).InnerText).Order());
            Assert.All(rows.Skip(1), r => Assert.Equal("Klant centraal, Professionele afstemming", r.Elements<TableCell>().ElementAt(1).InnerText));
        }

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var listDocument = WordprocessingDocument.Open(new MemoryStream(await list.Content.ReadAsByteArrayAsync()), false);
        var preconditions = await factory.QueryAsync(async db => (await db.Recommendations.Select(r => r.Pillars).ToListAsync()).Count(p => p.HasFlag(VisionPillar.Preconditions)));
        Assert.Empty(new OpenXmlValidator().Validate(listDocument));
        Assert.Equal("Aanbevelingen", listDocument.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().First().InnerText);
        Assert.Equal(preconditions, listDocument.MainDocumentPart.Document.Body.Descendants<TableRow>().Count() - 1);
    }

    [Fact]
    public async Task Every_export_is_audit_logged()
    {
        var anyId = await factory.QueryAsync(db => db.Recommendations.Select(r => r.Id).FirstAsync());
        var theme = await factory.QueryAsync(async db =>
        {
            var creator = await db.Professionals.Where(p => p.DisplayName == "Hanna Koster").Select(p => p.Id).SingleAsync();
            var t = new RecommendationTheme(Guid.NewGuid(), "Auditthema", "Een **synthese**.", [anyId], creator, DateTime.UtcNow);
            db.RecommendationThemes.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        using var hanna = await factory.SignedInAsync(Coordinator);
        using var kevin = await factory.SignedInAsync(Member);
        var paths = new[] { "csv", "md", "html", "docx" }.SelectMany(f => new[]
        {
            $"/api/coordination/recommendations/export/{f}?status=Agreed", $"/api/coordination/themes/{theme.Id}/export/{f}", $"/api/coordination/themes/export/{f}",
        }).ToList();

        var before = await ExportsAsync();
        foreach (var path in paths)
        {
            using var response = await hanna.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        }

        using var refused = await kevin.GetAsync(new Uri(paths[0], UriKind.Relative));

        var entries = (await ExportsAsync()).Skip(before.Count).ToList();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(paths.Count, entries.Count(e => e.Outcome == "success"));
        Assert.Equal(4, entries.Count(e => e.Outcome == "success" && e.ObjectType == "RecommendationTheme" && e.ObjectId == theme.Id.ToString()));
        Assert.Equal(4, entries.Count(e => e.Outcome == "success" && e.ObjectType == "RecommendationList" && e.ObjectId!.Contains("status=Agreed", StringComparison.Ordinal)));
        Assert.Equal(4, entries.Count(e => e.Outcome == "success" && e.ObjectType == "RecommendationThemes"));
        Assert.All(entries.Where(e => e.Outcome == "success"), e => Assert.Equal("Hanna Koster", e.UserName));
        Assert.Single(entries, e => e.Outcome == "denied" && e.UserName == "Kevin Smit");
    }

    [Fact]
    public async Task Markdown_and_print_exports_hold_the_theme_and_its_synthesis()
    {
        var anyId = await factory.QueryAsync(db => db.Recommendations.Where(r => r.Text.StartsWith("Zorg voor vaste tijd")).Select(r => r.Id).FirstAsync());
        var theme = await factory.QueryAsync(async db =>
        {
            var creator = await db.Professionals.Where(p => p.DisplayName == "Hanna Koster").Select(p => p.Id).SingleAsync();
            var t = new RecommendationTheme(Guid.NewGuid(), "Tijd <voor> overleg", "Tijd **vrijmaken**.\n\n<script>alert(1)</script>", [anyId], creator, DateTime.UtcNow);
            db.RecommendationThemes.Add(t);
            await db.SaveChangesAsync();
            return t;
        });
        using var hanna = await factory.SignedInAsync(Coordinator);

        var markdown = await hanna.GetStringAsync(new Uri($"/api/coordination/themes/{theme.Id}/export/md", UriKind.Relative));
        var html = await hanna.GetStringAsync(new Uri("/api/coordination/themes/export/html", UriKind.Relative));

        Assert.Contains("## Tijd \\<voor\\> overleg", markdown, StringComparison.Ordinal);
        Assert.Contains("Tijd **vrijmaken**.", markdown, StringComparison.Ordinal);
        Assert.Contains("- Zorg voor vaste tijd voor de casuïstiekbespreking", markdown, StringComparison.Ordinal);
        Assert.Contains("<h2>Tijd &lt;voor&gt; overleg</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>vrijmaken</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("section.theme + section.theme { break-before: page;", html, StringComparison.Ordinal);
    }

    private Task<List<Core.Audit.AuditEntry>> ExportsAsync() =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "export").OrderBy(e => e.Sequence).ToListAsync());
}
