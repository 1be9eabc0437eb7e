using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases;

/// <summary>The case page: details, safe text, open findings, history and the time line, for members of the wijk only.</summary>
public sealed class Case_page(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Member_of_Ondiep_reads_an_Ondiep_case_and_the_read_is_logged()
    {
        var caseId = await factory.FirstCaseIdAsync("ondiep");
        var (code, title) = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.Id == caseId).Select(c => ValueTuple.Create(c.Code, c.Title)).SingleAsync());
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var page = await kevin.OpenAsync($"/casussen/{caseId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"{code} — {title}", page.Text, StringComparison.Ordinal);
        Assert.Contains("<h4>", page.Html, StringComparison.Ordinal);
        Assert.Contains("Mogelijk identificerende gegevens", page.Text, StringComparison.Ordinal);
        Assert.Contains("type=\"range\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"versie\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("Toon versie", page.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/wijken/ondiep\"", page.Html, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("CaseFile", caseId.ToString(), "success"));
    }

    [Fact]
    public async Task Member_of_Binnenstad_cannot_open_an_Ondiep_case()
    {
        var caseId = await factory.FirstCaseIdAsync("ondiep");
        using var ingrid = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");

        var page = await ingrid.OpenAsync($"/casussen/{caseId}");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.DoesNotContain("OND-", page.Html, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("CaseFile", caseId.ToString(), "denied"));
    }

    [Fact]
    public async Task Coordinator_cannot_read_case_text_on_the_case_page()
    {
        var caseId = await factory.FirstCaseIdAsync("binnenstad");
        var text = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Text).SingleAsync());
        using var hanna = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");
        using var beheer = await factory.SignedInAsync("beheer@demo.proeftuin.nl");

        var coordinator = await hanna.OpenAsync($"/casussen/{caseId}");
        var administrator = await beheer.OpenAsync($"/casussen/{caseId}");

        Assert.Equal(HttpStatusCode.Forbidden, coordinator.Status);
        Assert.Equal(HttpStatusCode.Forbidden, administrator.Status);
        Assert.DoesNotContain("data-testid=\"case-text\"", coordinator.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Split('\n')[0].TrimStart('#', ' '), coordinator.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_page_links_every_export_format_and_says_when_open_findings_block_them()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var cases = await factory.QueryAsync(db => db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep).OrderBy(c => c.Code).Select(c => new { c.Id, c.Text }).ToListAsync());
        var (clean, guarded) = (cases[0], cases[2]);
        var word = guarded.Text.Split([' ', '\n', '.', ','], StringSplitOptions.RemoveEmptyEntries).First(w => w.Length > 6 && char.IsLetter(w[0]));
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        using var guard = await kevin.PutAsJsonAsync(new Uri($"/api/cases/{guarded.Id}/guarded-names", UriKind.Relative), new { names = new[] { word } });

        var cleanPage = await kevin.OpenAsync($"/casussen/{clean.Id}");
        var guardedPage = await kevin.OpenAsync($"/casussen/{guarded.Id}");

        Assert.True(guard.IsSuccessStatusCode);
        foreach (var link in new[] { "export.md\" download", "export.docx\" download", "export.csv\" download", "export.csv?sep=semicolon\" download", "export.html\"" })
        {
            Assert.Contains($"href=\"/api/cases/{clean.Id}/{link}", cleanPage.Html, StringComparison.Ordinal);
        }

        Assert.Contains("Download als Word-document (.docx)", cleanPage.Text, StringComparison.Ordinal);
        Assert.Contains("Aanbevelingen als CSV (puntkomma's, voor Nederlandse Excel)", cleanPage.Text, StringComparison.Ordinal);
        Assert.Contains("Afdrukken of als PDF bewaren", cleanPage.Text, StringComparison.Ordinal);

        // Printing goes through the guarded, audit-logged print version, not through a button that prints this page.
        Assert.DoesNotContain("data-print", cleanPage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"export-blocked\"", cleanPage.Html, StringComparison.Ordinal);
        Assert.Contains("Exporteren kan pas wanneer de mogelijk identificerende gegevens hierboven zijn opgelost.", guardedPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_with_script_is_rendered_without_it()
    {
        var caseId = await factory.FirstCaseIdAsync("leidsche-rijn");
        await factory.QueryAsync(async db =>
        {
            var caseFile = await db.CaseFiles.SingleAsync(c => c.Id == caseId);
            caseFile.RecordText(
                "## Feiten\n\nEen **vet** woord.\n\n<script>alert('xss')</script>\n\n<img src=x onerror=alert(1)>\n\n[klik hier](javascript:alert(1)) en [bron](https://www.utrecht.nl)\n",
                caseFile.Revision, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var ruud = await factory.SignedInAsync("ruud.jansen@demo.proeftuin.nl");

        var page = await ruud.OpenAsync($"/casussen/{caseId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h4>Feiten</h4>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>vet</strong>", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.utrecht.nl\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("klik hier", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Time_line_shows_who_changed_the_text_and_the_text_at_an_earlier_version()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        var joost = new LiveDocumentClient(await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl"), "joost-case-page");
        await joost.JoinAsync(meetingId);
        var caseId = Guid.ParseExact(joost.DocumentId[5..], "N");
        await joost.TypeAsync(0, "Tijdlijnproef ");
        await joost.WaitUntilSynchronizedAsync();
        using var esra = await factory.SignedInAsync("esra.yilmaz@demo.proeftuin.nl");

        var latest = await esra.OpenAsync($"/casussen/{caseId}?versie=99");
        var original = await esra.OpenAsync($"/casussen/{caseId}?versie=0");

        Assert.Contains("Joost Mulder", latest.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"change-row\"", latest.Html, StringComparison.Ordinal);
        Assert.Contains("Tekst bij versie 1 (alleen lezen)", latest.Text, StringComparison.Ordinal);
        Assert.Contains("Tijdlijnproef", latest.Text[latest.Text.IndexOf("data-testid=\"text-at-version\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Tekst bij versie 0 (alleen lezen)", original.Text, StringComparison.Ordinal);
        // The text at version 0 lacks the words; the diff below it to the latest version marks them as added.
        var atVersion = original.Text.IndexOf("data-testid=\"text-at-version\"", StringComparison.Ordinal);
        Assert.DoesNotContain("Tijdlijnproef", original.Text[atVersion..original.Text.IndexOf("id=\"versie-verschil\"", atVersion, StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("[toegevoegd: </span>Tijdlijnproef", original.Text, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("CaseRevision", $"{caseId}@0", "success"));
        await joost.Connection.DisposeAsync();
    }
}
