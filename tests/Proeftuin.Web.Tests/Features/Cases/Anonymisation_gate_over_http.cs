using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Cases;
using Proeftuin.Data;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Cases;

public sealed class Anonymisation_gate_over_http(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Scan_returns_findings_with_utf16_offsets_and_placeholders()
    {
        using var client = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        using var response = await client.PostAsJsonAsync(new Uri("/api/anonymization/scan", UriKind.Relative), new { text = "Moeder (Khadija Azzouzi) belt op 06-12345678." });
        var findings = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["PERSON", "PHONE"], findings.Select(f => f.GetProperty("category").GetString()));
        Assert.Equal(8, findings[0].GetProperty("start").GetInt32());
        Assert.Equal("[naam moeder]", findings[0].GetProperty("placeholder").GetString());
    }

    [Fact]
    public async Task Missing_text_is_a_problem_details_400()
    {
        using var client = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        using var response = await client.PostAsJsonAsync(new Uri("/api/anonymization/scan", UriKind.Relative), new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Case_with_a_name_is_refused_until_the_finding_is_dismissed_with_a_reason()
    {
        var caseId = await DraftOndiepCaseWithTextAsync("# Casus\n\nBroer Storm (11) speelt voetbal.\n");
        using var client = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        using var refused = await client.PostAsync(new Uri($"/api/cases/{caseId}/ready", UriKind.Relative), null);
        var findings = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{caseId}/findings", UriKind.Relative));
        var finding = findings.EnumerateArray().Single();
        using var emptyReason = await client.PostAsJsonAsync(new Uri($"/api/cases/{caseId}/dismissals", UriKind.Relative),
            new { start = finding.GetProperty("start").GetInt32(), end = finding.GetProperty("end").GetInt32(), category = "PERSON", reason = " " });
        using var dismissed = await client.PostAsJsonAsync(new Uri($"/api/cases/{caseId}/dismissals", UriKind.Relative),
            new { start = finding.GetProperty("start").GetInt32(), end = finding.GetProperty("end").GetInt32(), category = "PERSON", reason = "Bijnaam uit een spel, geen echte naam" });
        using var ready = await client.PostAsync(new Uri($"/api/cases/{caseId}/ready", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("mogelijk identificerende gegevens", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, emptyReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        Assert.Equal(CaseStatus.ReadyForDiscussion, (await db.CaseFiles.SingleAsync(c => c.Id == caseId)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "dismiss-finding" && e.ObjectId == caseId.ToString()));
    }

    [Fact]
    public async Task Guarded_names_are_flagged_in_any_case_and_only_their_hashes_are_stored()
    {
        var caseId = await DraftOndiepCaseWithTextAsync("# Casus\n\nGesprek met de familie wolkenveld over school.\n");
        using var client = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var before = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{caseId}/findings", UriKind.Relative));
        using var set = await client.PutAsJsonAsync(new Uri($"/api/cases/{caseId}/guarded-names", UriKind.Relative), new { names = new[] { "Bartholomeus Wolkenveld" } });
        var after = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{caseId}/findings", UriKind.Relative));

        Assert.Empty(before.EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var finding = Assert.Single(after.EnumerateArray());
        Assert.Equal("guarded-name", finding.GetProperty("rule").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var stored = await db.CaseGuardedNames.Where(g => g.CaseFileId == caseId).Select(g => g.Hash).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.DoesNotContain(stored, h => h.Contains("olkenveld", StringComparison.OrdinalIgnoreCase));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.ObjectId!.Contains("Wolkenveld")));
    }

    private async Task<Guid> DraftOndiepCaseWithTextAsync(string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var author = await db.Professionals.SingleAsync(p => p.Email == "joost.mulder@demo.proeftuin.nl");
        var codes = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id).Select(c => c.Code).ToListAsync();
        var caseFile = new CaseFile(Guid.NewGuid(), ondiep.Id, CaseCode.Next("OND", 2026, codes), "Testcasus", AgeBand.Child, [], author.Id, DateTime.UtcNow);
        caseFile.RecordText(text, 1, DateTime.UtcNow);
        db.CaseFiles.Add(caseFile);
        await db.SaveChangesAsync();
        return caseFile.Id;
    }
}
