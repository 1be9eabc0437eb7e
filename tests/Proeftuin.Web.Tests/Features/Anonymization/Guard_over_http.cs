using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Anonymization;

/// <summary>
/// The guard over HTTP: case titles, theme syntheses and wijkafspraken with a name are refused with 409 and the
/// findings, and nothing is stored; "klaar voor bespreking" judges the live text; a dismissal keeps no plain text.
/// </summary>
public sealed class Guard_over_http(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";
    private const string Coordinator = "hanna.koster@demo.proeftuin.nl";
    private const string Name = "Moeder Anouk de Wit";

    [Fact]
    public async Task A_case_title_with_a_name_is_refused_with_409_listing_the_findings_over_the_api_and_the_form()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        using var kevin = await factory.SignedInAsync(Member);

        using var api = await kevin.PostAsJsonAsync(new Uri($"/api/neighbourhoods/{ondiep}/cases", UriKind.Relative),
            new { title = $"Somberheid na gesprek met {Name}", ageBand = "Child", themes = new[] { "school" } });
        var form = await kevin.SubmitAsync("/casussen/nieuw?wijk=ondiep", "/casussen/nieuw?wijk=ondiep",
            new Dictionary<string, string> { ["Title"] = "Somberheid", ["AgeBand"] = "Child", ["Themes"] = "school, bel 06-12345678" });

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://proeftuin.nl/problems/anonymization.open", problem.GetProperty("type").GetString());
        Assert.Contains(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("field").GetString() == "Title" && f.GetProperty("placeholder").GetString() == "[naam moeder]");
        Assert.Equal(HttpStatusCode.Conflict, form.Status);
        Assert.Contains("[telefoonnummer]", form.Text, StringComparison.Ordinal);
        Assert.Contains("data-guard-placeholder=\"[telefoonnummer]\"", form.Html, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.CaseFiles.AnyAsync(c => c.Title.Contains("Anouk") || c.Title == "Somberheid")));
    }

    [Fact]
    public async Task A_theme_synthesis_with_a_name_is_refused_with_409_and_no_theme_is_stored()
    {
        var ids = await factory.QueryAsync(db => db.Recommendations.Take(2).Select(r => r.Id).ToListAsync());
        var path = $"/coordinatie/themas/nieuw?ids={ids[0]}&ids={ids[1]}";
        using var hanna = await factory.SignedInAsync(Coordinator);

        var refused = await hanna.SubmitAsync(path, path, new Dictionary<string, string> { ["Title"] = "Tolken", ["Synthesis"] = $"{Name} vroeg om een tolk." });

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("[naam moeder]", refused.Text, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.RecommendationThemes.AnyAsync(t => t.Title == "Tolken")));
        Assert.True(await factory.AuditedAsync("RecommendationTheme", null, "denied"));
    }

    [Fact]
    public async Task An_agreement_with_a_name_is_refused_with_409_and_not_stored()
    {
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var source = await factory.QueryAsync(db => db.Recommendations.Where(r => r.NeighbourhoodId == ondiep).Select(r => r.Id).FirstAsync());
        using var joost = await factory.SignedInAsync(Chair);

        var refused = await joost.SubmitAsync("/wijken/ondiep/afspraken/nieuw", "/wijken/ondiep/afspraken/nieuw", new Dictionary<string, string>
        {
            ["Title"] = "Vaste contactpersoon",
            ["Text"] = $"Afgesproken met {Name}: school belt het buurtteam.",
            ["Sources[0]"] = source.ToString(),
            ["ReviewDate"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("[naam moeder]", refused.Text, StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.NeighbourhoodAgreements.AnyAsync(a => a.Text.Contains("Anouk"))));
    }

    [Fact]
    public async Task Ready_judges_the_live_text_and_a_dismissal_stores_only_a_keyed_hash()
    {
        var (meetingId, caseId) = await DraftCaseOnThePlannedAgendaAsync();
        await using var hub = await HubConnections.ConnectAsync(factory, Chair);
        var document = (await hub.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!.Documents.Single(d => d.DocumentId == MeetingHub.CaseDocument(caseId));
        const string typed = "\n\nBroer Storm (11) speelt voetbal.";
        var edit = await hub.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(document.DocumentId, document.Revision, TextOperation.InsertAt(document.Text.Length, document.Text.Length, typed), "ready-test", 1));
        using var joost = await factory.SignedInAsync(Chair);

        using var refused = await joost.PostAsync(new Uri($"/api/cases/{caseId}/ready", UriKind.Relative), null);
        var findings = await joost.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{caseId}/findings", UriKind.Relative));
        var finding = findings.EnumerateArray().Single();
        using var dismissed = await joost.PostAsJsonAsync(new Uri($"/api/cases/{caseId}/dismissals", UriKind.Relative),
            new { start = finding.GetProperty("start").GetInt32(), end = finding.GetProperty("end").GetInt32(), category = "PERSON", reason = "Bijnaam uit een spel" });
        using var ready = await joost.PostAsync(new Uri($"/api/cases/{caseId}/ready", UriKind.Relative), null);

        Assert.True(edit.Ok, edit.Error?.Message);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("case.anonymization.open", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(document.Text.Length + typed.IndexOf("Storm", StringComparison.Ordinal), finding.GetProperty("start").GetInt32());
        Assert.Equal(HttpStatusCode.Created, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var stored = await factory.QueryAsync(db => db.CaseFindingDismissals.SingleAsync(d => d.CaseFileId == caseId));
        Assert.DoesNotContain("Storm", stored.TextHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(44, stored.TextHash.Length);
        Assert.Equal(CaseStatus.ReadyForDiscussion, await factory.QueryAsync(db => db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }

    /// <summary>A new draft case of Ondiep, with a clean stored text, put on the agenda of Ondiep's planned meeting.</summary>
    private Task<(Guid MeetingId, Guid CaseId)> DraftCaseOnThePlannedAgendaAsync() =>
        factory.QueryAsync(async db =>
        {
            var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
            var author = await db.Professionals.SingleAsync(p => p.Email == Chair);
            var codes = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id).Select(c => c.Code).ToListAsync();
            var caseFile = new CaseFile(Guid.NewGuid(), ondiep.Id, CaseCode.Next("OND", 2026, codes), "Testcasus", AgeBand.Child, [], author.Id, DateTime.UtcNow);
            db.CaseFiles.Add(caseFile);
            var meeting = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.NeighbourhoodId == ondiep.Id && m.Status == MeetingStatus.Planned);
            meeting.AddToAgenda(Guid.NewGuid(), caseFile, 15);
            await db.SaveChangesAsync();
            return (meeting.Id, caseFile.Id);
        });
}
