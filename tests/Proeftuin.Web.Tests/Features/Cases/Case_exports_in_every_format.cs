using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases;

/// <summary>
/// A case leaves as Markdown, Word, a page to print or its recommendations as CSV — in every format only when the
/// anonymisation guard finds nothing open, only for members of its wijk, and every export and refusal logged.
/// </summary>
public sealed class Case_exports_in_every_format(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Member = "kevin.smit@demo.proeftuin.nl";
    private const string OtherNeighbourhood = "ingrid.meijer@demo.proeftuin.nl";

    [Fact]
    public async Task A_clean_case_comes_out_in_every_format_with_its_text_and_recommendations()
    {
        var (clean, _) = await OndiepCasesAsync();
        var recommendations = await factory.QueryAsync(db => db.Recommendations.Where(r => r.CaseFileId == clean.Id).Select(r => r.Text).ToListAsync());
        using var kevin = await factory.SignedInAsync(Member);
        var before = await factory.ExportEntriesAsync("CaseFile", clean.Id);

        using var docx = await kevin.GetAsync(new Uri($"/api/cases/{clean.Id}/export.docx", UriKind.Relative));
        using var html = await kevin.GetAsync(new Uri($"/api/cases/{clean.Id}/export.html", UriKind.Relative));
        using var csv = await kevin.GetAsync(new Uri($"/api/cases/{clean.Id}/export.csv?sep=semicolon", UriKind.Relative));
        using var markdown = await kevin.GetAsync(new Uri($"/api/cases/{clean.Id}/export.md", UriKind.Relative));

        Assert.All(new[] { docx, html, csv, markdown }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal($"{clean.Code}.docx", docx.DownloadName());
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
            Assert.Equal($"{clean.Code}: {clean.Title}", paragraphs[0].InnerText);
            Assert.Equal("Title", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val);
            var headings = clean.Text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();
            Assert.NotEmpty(headings);
            Assert.Equal(headings, paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading2").Select(p => p.InnerText));
        }

        var page = await html.Content.ReadAsStringAsync();
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<h1>{WebUtility.HtmlEncode($"{clean.Code}: {clean.Title}")}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]), ';');
        Assert.Equal(ExportRequests.RecommendationColumns, rows[0]);
        Assert.NotEmpty(recommendations);
        Assert.Equal(recommendations.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[3]).Order(StringComparer.Ordinal));
        Assert.All(rows.Skip(1), r => Assert.Equal(clean.Code, r[2]));
        Assert.Equal(clean.Text, await markdown.Content.ReadAsStringAsync());

        var entries = (await factory.ExportEntriesAsync("CaseFile", clean.Id)).Skip(before.Count).ToList();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal(("success", "Kevin Smit"), (e.Outcome, e.UserName)));
    }

    [Fact]
    public async Task A_case_with_an_open_finding_is_refused_in_every_format_and_each_refusal_is_logged()
    {
        var (_, guarded) = await OndiepCasesAsync();
        var word = guarded.Text.Split([' ', '\n', '.', ','], StringSplitOptions.RemoveEmptyEntries).First(w => w.Length > 6 && char.IsLetter(w[0]));
        using var kevin = await factory.SignedInAsync(Member);
        using var guard = await kevin.PutAsJsonAsync(new Uri($"/api/cases/{guarded.Id}/guarded-names", UriKind.Relative), new { names = new[] { word } });
        Assert.True(guard.IsSuccessStatusCode, await guard.Content.ReadAsStringAsync());
        var before = await factory.ExportEntriesAsync("CaseFile", guarded.Id);

        foreach (var format in ExportRequests.Formats)
        {
            using var refused = await kevin.GetAsync(new Uri($"/api/cases/{guarded.Id}/export.{format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Null(refused.Content.Headers.ContentDisposition);
            var problem = (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!;
            Assert.Equal("https://proeftuin.nl/problems/case.export.identifying", problem.Type);
            Assert.Contains("mogelijk identificerende gegevens", problem.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(word, problem.Detail, StringComparison.Ordinal);
        }

        var entries = (await factory.ExportEntriesAsync("CaseFile", guarded.Id)).Skip(before.Count).ToList();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal("denied", e.Outcome));
    }

    [Fact]
    public async Task A_member_of_another_wijk_is_refused_in_every_format_and_each_refusal_is_logged()
    {
        var (clean, _) = await OndiepCasesAsync();
        using var ingrid = await factory.SignedInAsync(OtherNeighbourhood);
        var before = await factory.ExportEntriesAsync("CaseFile", clean.Id);

        foreach (var format in ExportRequests.Formats)
        {
            using var refused = await ingrid.GetAsync(new Uri($"/api/cases/{clean.Id}/export.{format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("Geen toegang", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        }

        var entries = (await factory.ExportEntriesAsync("CaseFile", clean.Id)).Skip(before.Count).ToList();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal(("denied", "Ingrid Meijer"), (e.Outcome, e.UserName)));
    }

    /// <summary>Ondiep's first case (discussed, with recommendations, nothing identifying) and its second.</summary>
    private async Task<(CaseRow Clean, CaseRow Other)> OndiepCasesAsync()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var cases = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep).OrderBy(c => c.Code)
            .Select(c => new CaseRow(c.Id, c.Code, c.Title, c.Text)).ToListAsync());
        return (cases[0], cases[1]);
    }

    private sealed record CaseRow(Guid Id, string Code, string Title, string Text);
}
