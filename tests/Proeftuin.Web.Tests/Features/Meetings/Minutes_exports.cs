using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Testing;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The verslag of a meeting leaves as Markdown, Word, a page to print and the meeting's recommendations as CSV: for
/// members of the wijk only, each export in the audit log, and typed HTML never coming out as markup.
/// </summary>
public sealed class Minutes_exports(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string OndiepMember = "kevin.smit@demo.proeftuin.nl";
    private const string BinnenstadMember = "ingrid.meijer@demo.proeftuin.nl";
    private const string Script = "<script>alert('verslag')</script>";

    [Fact]
    public async Task Word_export_has_real_headings_lists_and_formatting_and_holds_the_recommendations()
    {
        var meeting = await PastMeetingWithMinutesAsync(text => text + "\n\nVervolg: **vet** en *schuin*.\n\n1. eerste stap\n2. tweede stap\n\n> Een citaat\n\n" + Script +
            "\n\n- buiten\n  - binnen\n\nZie [dit](javascript:alert(1)).\n\n```\nregel een\nregel twee\n```\n");
        using var kevin = await factory.SignedInAsync(OndiepMember);

        using var response = await kevin.GetAsync(new Uri($"/api/meetings/{meeting.Id}/minutes.docx", UriKind.Relative));
        var markdown = new Proeftuin.Web.Infrastructure.Markdown.MarkdownRenderer();
        using var linked = WordprocessingDocument.Open(new MemoryStream(Proeftuin.Web.Infrastructure.Exports.TextExport.Write(
            Proeftuin.Web.Infrastructure.Exports.ExportFormat.Docx, "Links", "", "Zie [de site](https://example.nl/wijk) en [dit](javascript:alert(1)).", markdown)), false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"verslag-{meeting.ScheduledStartUtc:yyyy-MM-dd}.docx", response.DownloadName());
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val;
        Assert.Equal($"Verslag: {meeting.Title}", paragraphs.First(p => Style(p) == "Title").InnerText);
        Assert.Equal($"Verslag: {meeting.Title}", paragraphs.Single(p => Style(p) == "Heading1").InnerText);
        Assert.Equal(["Aanwezig", "Besproken casussen", "Afspraken en vervolg", "Aanbevelingen per casus", "Evaluatie"], paragraphs.Where(p => Style(p) == "Heading2").Select(p => p.InnerText));
        // The case in the text, then in the appendix the same case and the meeting as a whole.
        var cases = paragraphs.Where(p => Style(p) == "Heading3").Select(p => p.InnerText).ToList();
        Assert.Equal(3, cases.Count);
        Assert.Equal((cases[0], "De bespreking als geheel"), (cases[1], cases[2]));
        foreach (var recommendation in meeting.CaseRecommendations)
        {
            Assert.Contains(paragraphs, p => p.InnerText.StartsWith(recommendation, StringComparison.Ordinal) && p.ParagraphProperties?.NumberingProperties is not null);
        }

        var vervolg = paragraphs.Single(p => p.InnerText == "Vervolg: vet en schuin.");
        Assert.Contains(vervolg.Elements<Run>(), r => r.InnerText == "vet" && r.RunProperties?.Bold is not null);
        Assert.Contains(vervolg.Elements<Run>(), r => r.InnerText == "schuin" && r.RunProperties?.Italic is not null);
        var numbered = paragraphs.Where(p => p.InnerText.EndsWith(" stap", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, numbered.Count);
        var numberingId = numbered[0].ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        Assert.All(numbered, p => Assert.Equal(numberingId, p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value));
        var instance = document.MainDocumentPart.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == numberingId);
        var definition = document.MainDocumentPart.NumberingDefinitionsPart.Numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value);
        Assert.Equal(NumberFormatValues.Decimal, definition.Elements<Level>().First().NumberingFormat!.Val!.Value);
        Assert.Equal("Quote", Style(paragraphs.Single(p => p.InnerText == "Een citaat")));
        Assert.Contains(paragraphs, p => p.InnerText == Script);
        int? Level(string text) => paragraphs.Single(p => p.InnerText == text).ParagraphProperties?.NumberingProperties?.NumberingLevelReference?.Val?.Value;
        Assert.Equal((0, 1), (Level("buiten"), Level("binnen")));
        Assert.Contains(paragraphs, p => p.InnerText == "Zie dit.");
        Assert.Contains(linked.MainDocumentPart!.Document!.Body!.Elements<Paragraph>(), p => p.InnerText == "Zie de site (https://example.nl/wijk) en dit.");
        Assert.Equal(["regel een", "regel twee"], paragraphs.Where(p => Style(p) == "Code").Select(p => p.InnerText));
    }

    [Fact]
    public async Task Print_page_is_a_standalone_a4_document_without_scripts_and_with_the_text_sanitised()
    {
        var meeting = await PastMeetingWithMinutesAsync(text => text + "\n\n" + Script + "\n\n[klik](javascript:alert(1)) en **vet**\n");
        using var kevin = await factory.SignedInAsync(OndiepMember);

        using var response = await kevin.GetAsync(new Uri($"/api/meetings/{meeting.Id}/minutes.html", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"verslag-{meeting.ScheduledStartUtc:yyyy-MM-dd}.html", response.DownloadName());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce", policy, StringComparison.Ordinal);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>vet</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>Verslag: {WebUtility.HtmlEncode(meeting.Title)}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Aanwezig</h3>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(meeting.CaseRecommendations[0]), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_has_a_bom_the_columns_and_a_row_per_recommendation_of_the_meeting_also_with_semicolons()
    {
        var meeting = await PastMeetingWithMinutesAsync(text => text);
        using var kevin = await factory.SignedInAsync(OndiepMember);

        using var commas = await kevin.GetAsync(new Uri($"/api/meetings/{meeting.Id}/minutes.csv", UriKind.Relative));
        using var semicolons = await kevin.GetAsync(new Uri($"/api/meetings/{meeting.Id}/minutes.csv?sep=semicolon", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, commas.StatusCode);
        Assert.Equal("text/csv", commas.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"verslag-{meeting.ScheduledStartUtc:yyyy-MM-dd}.csv", commas.DownloadName());
        foreach (var (response, separator) in new[] { (commas, ','), (semicolons, ';') })
        {
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            var text = Encoding.UTF8.GetString(bytes[3..]);
            var rows = CsvReader.Parse(text, separator);
            Assert.Equal(ExportRequests.RecommendationColumns, rows[0]);
            Assert.All(rows, r => Assert.Equal(ExportRequests.RecommendationColumns.Length, r.Count));
            // A text a spreadsheet would run as a formula comes out with an apostrophe before it.
            Assert.Equal(
                meeting.AllRecommendations.Select(t => t.StartsWith('=') ? "'" + t : t).Order(StringComparer.Ordinal),
                rows.Skip(1).Select(r => r[3]).Order(StringComparer.Ordinal));
            Assert.All(rows.Skip(1), r => Assert.Equal("Ondiep", r[1]));
            Assert.StartsWith(string.Join(separator, ExportRequests.RecommendationColumns), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Verslag_page_links_every_format()
    {
        var meeting = await PastMeetingWithMinutesAsync(finalText: null);
        using var kevin = await factory.SignedInAsync(OndiepMember);

        var page = await kevin.OpenAsync($"/besprekingen/{meeting.Id}/verslag");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var link in new[] { "minutes.md\" download", "minutes.docx\" download", "minutes.csv\" download", "minutes.csv?sep=semicolon\" download", "minutes.html\"" })
        {
            Assert.Contains($"href=\"/api/meetings/{meeting.Id}/{link}", page.Html, StringComparison.Ordinal);
        }

        Assert.Contains("Aanbevelingen als CSV (komma's)", page.Text, StringComparison.Ordinal);
        Assert.Contains("Afdrukken of als PDF bewaren", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-print", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_says_concept_in_every_file_name()
    {
        var meeting = await PastMeetingWithMinutesAsync(finalText: null);
        using var kevin = await factory.SignedInAsync(OndiepMember);

        foreach (var format in ExportRequests.Formats)
        {
            using var response = await kevin.GetAsync(new Uri($"/api/meetings/{meeting.Id}/minutes.{format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"verslag-{meeting.ScheduledStartUtc:yyyy-MM-dd}-concept.{format}", response.DownloadName());
        }
    }

    [Fact]
    public async Task Every_format_is_audit_logged_and_refused_to_a_member_of_another_wijk()
    {
        var meeting = await PastMeetingWithMinutesAsync(text => text);
        using var kevin = await factory.SignedInAsync(OndiepMember);
        using var ingrid = await factory.SignedInAsync(BinnenstadMember);
        var before = await factory.ExportEntriesAsync("Minutes", meeting.Id);

        foreach (var format in ExportRequests.Formats)
        {
            using var allowed = await kevin.GetAsync(new Uri($"/api/meetings/{meeting.Id}/minutes.{format}", UriKind.Relative));
            using var refused = await ingrid.GetAsync(new Uri($"/api/meetings/{meeting.Id}/minutes.{format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Geen toegang", (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ProblemDetails>(refused.Content))!.Title);
        }

        var entries = (await factory.ExportEntriesAsync("Minutes", meeting.Id)).Skip(before.Count).ToList();
        Assert.Equal(4, entries.Count(e => e.Outcome == "success" && e.UserName == "Kevin Smit"));
        Assert.Equal(4, entries.Count(e => e.Outcome == "denied" && e.UserName == "Ingrid Meijer"));
    }

    /// <summary>
    /// A new closed meeting of Ondiep about its first case, with a recommendation for the case and one for the wijk,
    /// and its verslag generated from them: made final with <paramref name="finalText"/> applied to the generated text,
    /// or left a draft when that is null.
    /// </summary>
    private Task<PastMeeting> PastMeetingWithMinutesAsync(Func<string, string>? finalText) =>
        factory.QueryAsync(async db =>
        {
            var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
            var caseFile = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhood.Id).OrderBy(c => c.Code).FirstAsync();
            var chair = await db.Professionals.Where(p => p.Email == "joost.mulder@demo.proeftuin.nl").Select(p => p.Id).SingleAsync();
            var start = DateTime.UtcNow.Date.AddDays(-Random.Shared.Next(40, 4000)).AddHours(12);
            var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, $"Extra bespreking {start:yyyy-MM-dd}", start, chair);
            meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
            meeting.Start(start);
            meeting.Close(0, start.AddMinutes(50));
            // A letter glued to six digits: unique per run, and nothing the guard holds back (hex digits alone can look like
            // a postcode, "9158ae"; letters alone like a name).
            var tag = $"x{Random.Shared.Next(100_000, 1_000_000)}";
            var forCase = new Recommendation(Guid.NewGuid(), neighbourhood.Id, meeting.Id, caseFile.Id,
                new RecommendationDetails { Text = $"Vaste contactpersoon voor het gezin {tag}", Pillars = VisionPillar.ClientCentred, Level = RecommendationLevel.Case, AddressedTo = [Discipline.FamilyWorker], OwnerId = chair, DueDate = null }, chair, start.AddMinutes(20));
            var forNeighbourhood = new Recommendation(Guid.NewGuid(), neighbourhood.Id, meeting.Id, null,
                new RecommendationDetails { Text = $"=Buurtteam en school, elke maand {tag}", Pillars = VisionPillar.ProfessionalCoordination, Level = RecommendationLevel.Neighbourhood, AddressedTo = [], OwnerId = null, DueDate = null }, chair, start.AddMinutes(30));
            db.Meetings.Add(meeting);
            db.Recommendations.AddRange(forCase, forNeighbourhood);
            var minutes = MeetingMinutes.For(meeting, new MinutesContent(meeting.Title, neighbourhood.Name, start, [], [new MinutesCase(caseFile.Code, caseFile.Title, caseFile.Text, [forCase])]), DateTime.UtcNow);
            if (finalText is not null)
            {
                minutes.Finalise(finalText(minutes.GeneratedText), 1, chair, DateTime.UtcNow);
            }

            db.MeetingMinutes.Add(minutes);
            await db.SaveChangesAsync();
            return new PastMeeting(meeting.Id, meeting.Title, start, [forCase.Text], [forCase.Text, forNeighbourhood.Text]);
        });

    private sealed record PastMeeting(Guid Id, string Title, DateTime ScheduledStartUtc, IReadOnlyList<string> CaseRecommendations, IReadOnlyList<string> AllRecommendations);
}
