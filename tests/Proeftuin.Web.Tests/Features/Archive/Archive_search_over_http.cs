using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Archive;

public sealed class Archive_search_over_http(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string OndiepChair = "joost.mulder@demo.proeftuin.nl";

    [Fact]
    public async Task Member_finds_their_wijk_case_by_stem_and_never_another_wijk()
    {
        var (ondiep, angstCase) = await OndiepAngstCaseAsync();
        using var client = await factory.SignedInAsync(OndiepChair);

        // "angsten" is stemmed to "angst": the demo case of Ondiep says "angst"; Binnenstad and Leidsche Rijn have angst cases too.
        var hits = await GetHitsAsync(client, "/api/archive?q=angsten");
        var page = await client.GetStringAsync(new Uri("/archief?q=angsten", UriKind.Relative));

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(ondiep, h.GetProperty("neighbourhoodId").GetGuid()));
        Assert.Contains(hits, h => h.GetProperty("kind").GetString() == "case" && h.GetProperty("id").GetGuid() == angstCase);
        Assert.Contains("<mark>", hits[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Contains($"href=\"/casussen/{angstCase}\"", page, StringComparison.Ordinal);
        Assert.Contains("<mark>angst</mark>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Binnenstad", ArchiveHits(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plural_with_a_doubled_consonant_finds_and_marks_the_singular()
    {
        var (ondiep, angstCase) = await OndiepAngstCaseAsync();
        using var client = await factory.SignedInAsync(OndiepChair);

        // "gezinnen" is stemmed to "gezinn" and searched as "gezin": the demo angst case of Ondiep says "het gezin".
        var hits = await GetHitsAsync(client, "/api/archive?q=gezinnen");
        var page = await client.GetStringAsync(new Uri("/archief?q=gezinnen", UriKind.Relative));

        Assert.All(hits, h => Assert.Equal(ondiep, h.GetProperty("neighbourhoodId").GetGuid()));
        var hit = Assert.Single(hits, h => h.GetProperty("kind").GetString() == "case" && h.GetProperty("id").GetGuid() == angstCase);
        Assert.Contains("<mark>gezin</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Contains($"href=\"/casussen/{angstCase}\"", page, StringComparison.Ordinal);
        Assert.Contains("<mark>gezin</mark>", ArchiveHits(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_finds_a_final_verslag_of_their_wijk_and_the_hit_opens_it()
    {
        // A word glued to six digits: unique per run, and only in this verslag.
        var tag = $"zwemdiploma{Random.Shared.Next(100_000, 1_000_000)}";
        var (meetingId, title) = await OndiepMeetingWithFinalMinutesAsync($"De buurtsportcoach regelt een {tag} met het gezin.");
        using var client = await factory.SignedInAsync(OndiepChair);
        using var binnenstad = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");
        var before = await SearchEntriesAsync();

        var hit = Assert.Single(await GetHitsAsync(client, $"/api/archive?q={tag}"));
        var page = await client.GetStringAsync(new Uri($"/archief?q={tag}", UriKind.Relative));

        Assert.Equal(("minutes", meetingId, title), (hit.GetProperty("kind").GetString(), hit.GetProperty("id").GetGuid(), hit.GetProperty("meetingTitle").GetString()));
        Assert.Contains($"<mark>{tag}</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Contains($"href=\"/besprekingen/{meetingId}/verslag\"", ArchiveHits(page), StringComparison.Ordinal);
        Assert.Contains("data-kind=\"minutes\"", page, StringComparison.Ordinal);
        Assert.Contains($"Verslag van {title}", page, StringComparison.Ordinal);
        using var verslag = await client.GetAsync(new Uri($"/besprekingen/{meetingId}/verslag", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, verslag.StatusCode);
        Assert.Contains(tag, await verslag.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another wijk's member finds nothing, and both searches are audit-logged with their hit count.
        Assert.Empty(await GetHitsAsync(binnenstad, $"/api/archive?q={tag}"));
        var added = (await SearchEntriesAsync()).Skip(before.Count).ToList();
        Assert.Equal([("Joost Mulder", "hits=1"), ("Joost Mulder", "hits=1"), ("Ingrid Meijer", "hits=0")], added.Select(e => (e.UserName, e.ObjectId)));
    }

    [Fact]
    public async Task Coordinator_and_beheerder_search_no_wijk_at_all()
    {
        foreach (var email in new[] { "hanna.koster@demo.proeftuin.nl", "beheer@demo.proeftuin.nl" })
        {
            using var client = await factory.SignedInAsync(email);

            Assert.Empty(await GetHitsAsync(client, "/api/archive?q=angst"));
            Assert.Contains("data-testid=\"archive-not-member\"", await client.GetStringAsync(new Uri("/archief?q=angst", UriKind.Relative)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Search_is_audit_logged()
    {
        using var client = await factory.SignedInAsync(OndiepChair);
        var before = await SearchEntriesAsync();

        var hits = await GetHitsAsync(client, "/api/archive?q=angst");
        using var page = await client.GetAsync(new Uri("/archief?q=Zeldzaamwoordxyz", UriKind.Relative));
        using var emptyForm = await client.GetAsync(new Uri("/archief", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"archive-empty\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var added = (await SearchEntriesAsync()).Skip(before.Count).ToList();
        Assert.Equal([$"hits={hits.Count}", "hits=0"], added.Select(e => e.ObjectId));
        Assert.All(added, e => Assert.Equal(("Archive", "success", "Joost Mulder"), (e.ObjectType, e.Outcome, e.UserName)));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.ObjectId!.Contains("Zeldzaamwoordxyz") || e.ObjectType!.Contains("Zeldzaamwoordxyz")));
    }

    [Fact]
    public async Task Bad_filters_and_an_empty_query_are_a_400()
    {
        using var client = await factory.SignedInAsync(OndiepChair);

        foreach (var path in new[] { "/api/archive", "/api/archive?q=%20", "/api/archive?q=angst&ageBand=Old", "/api/archive?q=angst&pillar=3" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static string ArchiveHits(string page) => page[page.IndexOf("data-testid=\"archive-hits\"", StringComparison.Ordinal)..];

    private static async Task<List<JsonElement>> GetHitsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
    }

    private async Task<List<Core.Audit.AuditEntry>> SearchEntriesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == "search").OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<(Guid MeetingId, string Title)> OndiepMeetingWithFinalMinutesAsync(string finalText)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var caseFile = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id).OrderBy(c => c.Code).FirstAsync();
        var chair = await db.Professionals.Where(p => p.Email == OndiepChair).Select(p => p.Id).SingleAsync();
        var start = DateTime.UtcNow.Date.AddDays(-Random.Shared.Next(40, 4000)).AddHours(12);
        var meeting = new Meeting(Guid.NewGuid(), ondiep.Id, $"Archiefbespreking {start:yyyy-MM-dd}", start, chair);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
        meeting.Start(start);
        meeting.Close(0, start.AddMinutes(50));
        var minutes = MeetingMinutes.For(meeting, new MinutesContent(meeting.Title, ondiep.Name, start, [], []), start.AddMinutes(50));
        minutes.Finalise(finalText, 1, chair, start.AddHours(1));
        db.Meetings.Add(meeting);
        db.MeetingMinutes.Add(minutes);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.Title);
    }

    private async Task<(Guid Ondiep, Guid AngstCase)> OndiepAngstCaseAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var angstCase = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id && c.Title == "Meisje met angst om naar school te gaan").Select(c => c.Id).SingleAsync();
        return (ondiep.Id, angstCase);
    }
}
