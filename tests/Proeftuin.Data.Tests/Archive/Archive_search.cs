using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data.Archive;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Archive;

public sealed class Archive_search
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [AllProviders]
    public async Task Search_finds_angst_when_the_text_says_angstig(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, member) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var caseId = await AddCaseAsync(database, neighbourhood, member, 1, "Jongen die slecht slaapt", "Hij is erg angstig bij het naar bed gaan.");

        var hits = await SearchAsync(database, new ArchiveQuery("angst"), neighbourhood.Id);

        var hit = Assert.Single(hits);
        Assert.Equal((ArchiveHitKind.Case, caseId, "OND-2026-001"), (hit.Kind, hit.Id, hit.CaseCode));
        Assert.Contains("<mark>angstig</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [AllProviders]
    public async Task Search_ranks_and_highlights_the_matching_words(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, member) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var once = await AddCaseAsync(database, neighbourhood, member, 1, "Meisje met buikpijn", "Buikpijn op maandag. Soms huilbuien <script>.");
        var often = await AddCaseAsync(database, neighbourhood, member, 2, "Peuter met huilbuien", "Dagelijks huilbuien; de huilbui duurt lang. Ouders zijn moe van de huilbuien.");
        await AddCaseAsync(database, neighbourhood, member, 3, "Slapen lukt niet", "Niets over tranen.");

        var hits = await SearchAsync(database, new ArchiveQuery("huilbui"), neighbourhood.Id);

        Assert.Equal([often, once], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Contains("<mark>huilbuien</mark>", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>huilbui</mark>", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", hits[1].Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hits[1].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [AllProviders]
    public async Task Search_for_a_plural_with_a_doubled_consonant_finds_the_singular(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, member) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var gezin = await AddCaseAsync(database, neighbourhood, member, 1, "Jongen in een druk gezin", "Het gezin verhuist. Hij gaat met de bus naar school.");
        var gezinnen = await AddCaseAsync(database, neighbourhood, member, 2, "Broertjes", "Twee gezinnen in één huis; de zus van de moeder helpt.");
        var klas = await AddRecommendationAsync(database, neighbourhood, member, gezin, "Zoek een rustige klas en vraag de huisarts naar de pil.", VisionPillar.AppropriateCare);
        var alarm = await AddCaseAsync(database, neighbourhood, member, 3, "Alarm", "Het alarm gaat 's nachts af.");
        var alle = await AddCaseAsync(database, neighbourhood, member, 4, "Onrust", "Alle kinderen slapen slecht.");

        var hits = await SearchAsync(database, new ArchiveQuery("gezinnen"), neighbourhood.Id);

        Assert.Equal(new[] { gezin, gezinnen }.Order(), hits.Where(h => h.Kind == ArchiveHitKind.Case).Select(h => h.Id).Order());
        Assert.Contains("<mark>gezin</mark>", hits.Single(h => h.Id == gezin).Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>gezinnen</mark>", hits.Single(h => h.Id == gezinnen).Snippet, StringComparison.Ordinal);
        Assert.Equal([gezin], (await SearchAsync(database, new ArchiveQuery("bussen"), neighbourhood.Id)).Where(h => h.Kind == ArchiveHitKind.Case).Select(h => h.Id));
        Assert.Equal([gezinnen], (await SearchAsync(database, new ArchiveQuery("zussen"), neighbourhood.Id)).Select(h => h.Id));
        var klassenPillen = Assert.Single(await SearchAsync(database, new ArchiveQuery("klassen pillen"), neighbourhood.Id));
        Assert.Equal(klas, klassenPillen.Id);
        Assert.Contains("<mark>klas</mark>", klassenPillen.Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>pil</mark>", klassenPillen.Snippet, StringComparison.Ordinal);

        // Only one letter goes, and only when three remain: "alle" (stem "all") does not become "al" and find "alarm".
        Assert.Equal([alle], (await SearchAsync(database, new ArchiveQuery("alle"), neighbourhood.Id)).Select(h => h.Id));
        Assert.Equal([alarm], (await SearchAsync(database, new ArchiveQuery("alarm"), neighbourhood.Id)).Select(h => h.Id));
    }

    [Theory]
    [AllProviders]
    public async Task Search_never_returns_another_wijk(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (ondiep, ondiepMember) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var (binnenstad, binnenstadMember) = await TestNeighbourhoods.AddWithChairAsync(database, "BIN");
        var own = await AddCaseAsync(database, ondiep, ondiepMember, 1, "Angst in Ondiep", "Angstige jongen.");
        var other = await AddCaseAsync(database, binnenstad, binnenstadMember, 1, "Angst in de Binnenstad", "Angstige jongen.");
        var otherRecommendation = await AddRecommendationAsync(database, binnenstad, binnenstadMember, other, "Bespreek de angst met school.", VisionPillar.AppropriateCare);

        var hits = await SearchAsync(database, new ArchiveQuery("angst"), ondiep.Id);

        Assert.Equal([own], hits.Select(h => h.Id));
        Assert.DoesNotContain(hits, h => h.Id == otherRecommendation || h.NeighbourhoodId == binnenstad.Id);
        Assert.Empty(await SearchAsync(database, new ArchiveQuery("angst")));
    }

    [Theory]
    [AllProviders]
    public async Task Search_follows_changed_texts_and_applies_the_filters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (neighbourhood, member) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var caseId = await AddCaseAsync(database, neighbourhood, member, 1, "Meisje met klachten", "Somberheid.");
        var recommendation = await AddRecommendationAsync(database, neighbourhood, member, caseId, "Gezinnen met slaapproblemen eerder naar de POH-GGZ.", VisionPillar.AppropriateCare);
        Assert.DoesNotContain(await SearchAsync(database, new ArchiveQuery("slapen"), neighbourhood.Id), h => h.Kind == ArchiveHitKind.Case);

        await using (var db = database.CreateContext())
        {
            var caseFile = await db.CaseFiles.SingleAsync(c => c.Id == caseId);
            caseFile.RecordText("Het meisje kan niet slapen.", 1, Now.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        var all = await SearchAsync(database, new ArchiveQuery("slapen"), neighbourhood.Id);
        Assert.Equal([caseId], all.Where(h => h.Kind == ArchiveHitKind.Case).Select(h => h.Id));
        Assert.Equal([recommendation], (await SearchAsync(database, new ArchiveQuery("gezin"), neighbourhood.Id)).Select(h => h.Id));
        Assert.Equal([recommendation], (await SearchAsync(database, new ArchiveQuery("gezin", Pillar: VisionPillar.AppropriateCare), neighbourhood.Id)).Select(h => h.Id));
        Assert.Empty(await SearchAsync(database, new ArchiveQuery("gezin", Pillar: VisionPillar.Preconditions), neighbourhood.Id));
        Assert.Equal([caseId], (await SearchAsync(database, new ArchiveQuery("slapen", Theme: "SLAAP", AgeBand: AgeBand.Child), neighbourhood.Id)).Where(h => h.Kind == ArchiveHitKind.Case).Select(h => h.Id));
        Assert.Empty(await SearchAsync(database, new ArchiveQuery("slapen", AgeBand: AgeBand.Infant), neighbourhood.Id));
        Assert.Empty(await SearchAsync(database, new ArchiveQuery("slapen", From: DateOnly.FromDateTime(Now).AddDays(1)), neighbourhood.Id));
        Assert.NotEmpty(await SearchAsync(database, new ArchiveQuery("slapen", From: DateOnly.FromDateTime(Now), To: DateOnly.FromDateTime(Now)), neighbourhood.Id));
    }

    [Theory]
    [AllProviders]
    public async Task Search_finds_a_phrase_that_only_a_final_verslag_holds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var (ondiep, ondiepMember) = await TestNeighbourhoods.AddWithChairAsync(database, "OND");
        var (binnenstad, binnenstadMember) = await TestNeighbourhoods.AddWithChairAsync(database, "BIN");
        var caseId = await AddCaseAsync(database, ondiep, ondiepMember, 1, "Jongen met buikpijn", "Buikpijn op school.");
        var final = await AddClosedMeetingAsync(database, ondiep, ondiepMember, caseId, "Afgesproken: de buurtsportcoach belt de moeder binnen een week.");
        var draft = await AddClosedMeetingAsync(database, ondiep, ondiepMember, caseId, finalText: null);
        var binnenstadCase = await AddCaseAsync(database, binnenstad, binnenstadMember, 1, "Meisje", "Somber.");
        await AddClosedMeetingAsync(database, binnenstad, binnenstadMember, binnenstadCase, "Ook hier belt de buurtsportcoach.");

        var hits = await SearchAsync(database, new ArchiveQuery("buurtsportcoach moeder"), ondiep.Id);

        // Every word must occur, as for cases; dated the day it was held; the draft and
        // the other wijk's verslag are not found.
        var hit = Assert.Single(hits);
        Assert.Equal((ArchiveHitKind.Minutes, final.MeetingId, ondiep.Id, final.Title), (hit.Kind, hit.Id, hit.NeighbourhoodId, hit.MeetingTitle));
        Assert.Equal(Now.AddDays(-7), hit.CreatedAtUtc);
        Assert.Contains("<mark>buurtsportcoach</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(hits, h => h.Id == draft.MeetingId);
        Assert.Equal(binnenstad.Id, Assert.Single(await SearchAsync(database, new ArchiveQuery("buurtsportcoach"), binnenstad.Id)).NeighbourhoodId);

        // A pillar, theme or age band filter is about cases and recommendations: a verslag has none.
        Assert.Empty(await SearchAsync(database, new ArchiveQuery("buurtsportcoach", Pillar: VisionPillar.AppropriateCare), ondiep.Id));
        Assert.Empty(await SearchAsync(database, new ArchiveQuery("buurtsportcoach", To: DateOnly.FromDateTime(Now.AddDays(-8))), ondiep.Id));

        // The draft becomes searchable the moment it is made final.
        await using (var db = database.CreateContext())
        {
            var minutes = await db.MeetingMinutes.SingleAsync(m => m.MeetingId == draft.MeetingId);
            minutes.Finalise("De wijkverpleegkundige neemt contact op.", 3, ondiepMember.Id, Now);
            await db.SaveChangesAsync();
        }

        Assert.Equal([draft.MeetingId], (await SearchAsync(database, new ArchiveQuery("wijkverpleegkundige"), ondiep.Id)).Select(h => h.Id));
    }

    private static async Task<IReadOnlyList<ArchiveHit>> SearchAsync(TestDatabase database, ArchiveQuery query, params Guid[] neighbourhoods)
    {
        await using var db = database.CreateContext();
        return await ArchiveSearches.For(database.Settings.Provider, db).SearchAsync(query, neighbourhoods, CancellationToken.None);
    }

    private static async Task<Guid> AddCaseAsync(TestDatabase database, Neighbourhood neighbourhood, Professional author, int number, string title, string text)
    {
        await using var db = database.CreateContext();
        var caseFile = new CaseFile(Guid.NewGuid(), neighbourhood.Id, CaseCode.Create(neighbourhood.CaseCodePrefix, 2026, number), title, AgeBand.Child, ["slaap"], author.Id, Now);
        caseFile.RecordText(text, 0, Now);
        db.CaseFiles.Add(caseFile);
        await db.SaveChangesAsync();
        return caseFile.Id;
    }

    private static async Task<Guid> AddRecommendationAsync(TestDatabase database, Neighbourhood neighbourhood, Professional author, Guid caseId, string text, VisionPillar pillars)
    {
        await using var db = database.CreateContext();
        var recommendation = new Recommendation(
            Guid.NewGuid(), neighbourhood.Id, null, caseId, new RecommendationDetails { Text = text, Pillars = pillars, Level = RecommendationLevel.Case, AddressedTo = [], OwnerId = null, DueDate = null }, author.Id, Now);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync();
        return recommendation.Id;
    }

    /// <summary>A meeting of last week about the case, closed, with its verslag made final with <paramref name="finalText"/> (or left a draft).</summary>
    private static async Task<(Guid MeetingId, string Title)> AddClosedMeetingAsync(TestDatabase database, Neighbourhood neighbourhood, Professional chair, Guid caseId, string? finalText)
    {
        await using var db = database.CreateContext();
        var caseFile = await db.CaseFiles.SingleAsync(c => c.Id == caseId);
        var start = Now.AddDays(-7);
        var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, $"Wijkoverleg {Guid.NewGuid():N}"[..20], start, chair.Id);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);
        meeting.Start(start);
        meeting.Close(0, start.AddMinutes(50));
        var minutes = MeetingMinutes.For(meeting, new MinutesContent(meeting.Title, neighbourhood.Name, start, [], []), start.AddMinutes(50));
        if (finalText is not null)
        {
            minutes.Finalise(finalText, 1, chair.Id, start.AddHours(2));
        }

        db.Meetings.Add(meeting);
        db.MeetingMinutes.Add(minutes);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.Title);
    }
}
