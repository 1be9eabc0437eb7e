using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    private async Task<(Guid Ondiep, Guid AngstCase)> OndiepAngstCaseAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var angstCase = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id && c.Title == "Meisje met angst om naar school te gaan").Select(c => c.Id).SingleAsync();
        return (ondiep.Id, angstCase);
    }
}
