using Proeftuin.Core.Meetings;
using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Coordination;
using Proeftuin.Web.Features.Recommendations;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>
/// The coordinator's list, filters, follow-up, matrix and trend are queries the database answers (counted and grouped
/// there, for speed), so they run against SQLite and PostgreSQL alike, over six recommendations whose answers are known.
/// </summary>
public sealed class Compilation_queries_on_every_provider
{
    private static readonly DateTime NowUtc = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory, AllProviders]
    public async Task Every_filter_selects_the_same_recommendations(DatabaseProvider provider)
    {
        await using var data = await KnownRecommendations.CreateAsync(provider);

        Assert.Equal(["r1", "r2", "r5"], await data.ListAsync(new RecommendationFilter { Neighbourhood = data.Noord }));
        // 31 March 22:30 UTC is 1 April in Utrecht: the dates are Amsterdam dates, up to and including the "to" day.
        Assert.Equal(["r6", "r3", "r4", "r1", "r2"], await data.ListAsync(new RecommendationFilter { From = new DateOnly(2026, 4, 1) }));
        Assert.Equal(["r5"], await data.ListAsync(new RecommendationFilter { To = new DateOnly(2026, 3, 31) }));
        Assert.Equal(["r6", "r3", "r1"], await data.ListAsync(new RecommendationFilter { Pillar = VisionPillar.ClientCentred }));
        Assert.Equal(["r3", "r5"], await data.ListAsync(new RecommendationFilter { Level = RecommendationLevel.City }));
        Assert.Equal(["r3", "r2"], await data.ListAsync(new RecommendationFilter { Addressee = Discipline.FamilyWorker }));
        Assert.Equal(["r1"], await data.ListAsync(new RecommendationFilter { Status = RecommendationStatus.Agreed }));
        Assert.Equal(["r3", "r4"], await data.ListAsync(new RecommendationFilter { Owner = data.Bert }));
        Assert.Equal(["r1", "r5"], await data.ListAsync(new RecommendationFilter { Text = "WACHTTIJDEN" }));
        Assert.Equal(["r3"], await data.ListAsync(new RecommendationFilter { Neighbourhood = data.Zuid, Status = RecommendationStatus.InProgress }));
        Assert.Empty(await data.ListAsync(new RecommendationFilter { Neighbourhood = data.Zuid, Text = "wachttijden" }));
    }

    [Theory, AllProviders]
    public async Task The_list_is_newest_first_with_its_total_and_names(DatabaseProvider provider)
    {
        await using var data = await KnownRecommendations.CreateAsync(provider);
        await using var db = data.Database.CreateContext();

        var (total, items) = await new RecommendationCompilation(db).PageAsync(new RecommendationFilter(), CancellationToken.None);

        Assert.Equal(6, total);
        Assert.Equal(["r6", "r3", "r4", "r1", "r2", "r5"], data.Names(items));
        var r1 = items.Single(i => i.Id == data.Ids["r1"]);
        Assert.Equal(("Noord", "Anna Noord", new DateOnly(2026, 5, 1)), (r1.NeighbourhoodName, r1.OwnerName, r1.DueDate));
        Assert.Equal(new DateTime(2026, 3, 31, 22, 30, 0, DateTimeKind.Utc), r1.DateUtc);
        Assert.Equal([Discipline.GeneralPractitioner], r1.AddressedTo);
        Assert.Empty((await new RecommendationCompilation(db).PageAsync(new RecommendationFilter { Page = 2 }, CancellationToken.None)).Items);
    }

    [Theory, AllProviders]
    public async Task Follow_up_counts_the_open_ones_and_lists_them_by_due_date(DatabaseProvider provider)
    {
        await using var data = await KnownRecommendations.CreateAsync(provider);
        await using var db = data.Database.CreateContext();

        var followUp = await new RecommendationCompilation(db).FollowUpAsync(new RecommendationFilter(), Today, CancellationToken.None);

        Assert.Equal((3, 1), (followUp.Total, followUp.Overdue));
        Assert.Equal(["r1", "r6", "r3"], data.Names(followUp.Items));
        Assert.True(followUp.Items[0].IsOverdue(Today));
        var ofZuid = await new RecommendationCompilation(db).FollowUpAsync(new RecommendationFilter { Neighbourhood = data.Zuid }, Today, CancellationToken.None);
        Assert.Equal((2, 0), (ofZuid.Total, ofZuid.Overdue));
    }

    [Theory, AllProviders]
    public async Task Matrix_and_trend_are_counted_by_the_database(DatabaseProvider provider)
    {
        await using var data = await KnownRecommendations.CreateAsync(provider);
        await using var db = data.Database.CreateContext();
        var compilation = new RecommendationCompilation(db);
        IReadOnlyList<(Guid, string)> neighbourhoods = [(data.Noord, "Noord"), (data.Zuid, "Zuid")];

        var matrix = RecommendationStatistics.Matrix(await compilation.PillarCountsAsync(new RecommendationFilter(), CancellationToken.None), neighbourhoods);
        var trend = RecommendationStatistics.Trend(
            await compilation.CountsSinceAsync(new RecommendationFilter(), RecommendationStatistics.TrendStartUtc(NowUtc), CancellationToken.None), NowUtc);

        // Pillars in the order klant centraal, passende zorg, professionele afstemming, randvoorwaarden.
        Assert.Equal([1, 1, 1, 1], matrix[0].PerPillar);
        Assert.Equal([2, 1, 0, 1], matrix[1].PerPillar);
        Assert.Equal(new DateOnly(2025, 12, 1), trend[0].Month);
        Assert.Equal(new DateOnly(2026, 11, 1), trend[^1].Month);
        Assert.Equal([0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 2, 1], trend.Select(t => t.Count));
        var onlyZuid = await compilation.PillarCountsAsync(new RecommendationFilter { Neighbourhood = data.Zuid, Pillar = VisionPillar.Preconditions }, CancellationToken.None);
        Assert.Equal([(data.Zuid, VisionPillar.Preconditions | VisionPillar.ClientCentred, 1)], onlyZuid);
    }

    [Theory, AllProviders]
    public async Task The_workspace_asks_all_at_once_on_separate_contexts_and_gets_the_same_answers(DatabaseProvider provider)
    {
        await using var data = await KnownRecommendations.CreateAsync(provider);
        var filter = new RecommendationFilter { Pillar = VisionPillar.ClientCentred };

        var figures = await new WorkspaceQueries(data.Database.Contexts).LoadAsync(filter, Today, NowUtc, CancellationToken.None);

        Assert.Equal(3, figures.Total);
        Assert.Equal(["r6", "r3", "r1"], data.Names(figures.Items));
        Assert.Equal((3, 1), (figures.FollowUp.Total, figures.FollowUp.Overdue));
        Assert.Equal(3, figures.PillarCounts.Sum(c => c.Count));
        Assert.Equal(3, figures.TrendCounts.Sum(c => c.Count));
    }

    /// <summary>
    /// Two wijken, three meetings and six recommendations (r1…r6) covering every filter, with a meeting that is in
    /// March in UTC and in April in Utrecht, one older than the trend's twelve months and one recommendation without
    /// a meeting.
    /// </summary>
    private sealed class KnownRecommendations : IAsyncDisposable
    {
        private KnownRecommendations(TestDatabase database) => Database = database;

        public TestDatabase Database { get; }

        public Dictionary<string, Guid> Ids { get; } = [];

        public Guid Noord { get; private set; }

        public Guid Zuid { get; private set; }

        public Guid Bert { get; private set; }

        public static async Task<KnownRecommendations> CreateAsync(DatabaseProvider provider)
        {
            var data = new KnownRecommendations(await TestDatabase.CreateMigratedAsync(provider));
            await using var db = data.Database.CreateContext();

            var noord = new Neighbourhood(Guid.NewGuid(), "Noord", "NO");
            var zuid = new Neighbourhood(Guid.NewGuid(), "Zuid", "ZU");
            var anna = Professional(db, "Anna Noord", noord, Discipline.GeneralPractitioner);
            var bert = Professional(db, "Bert Zuid", zuid, Discipline.FamilyWorker);
            db.Neighbourhoods.AddRange(noord, zuid);
            var april = Meeting(db, noord, new DateTime(2026, 3, 31, 22, 30, 0, DateTimeKind.Utc), anna);
            var october = Meeting(db, zuid, new DateTime(2026, 10, 10, 10, 0, 0, DateTimeKind.Utc), bert);
            var old = Meeting(db, noord, new DateTime(2025, 6, 15, 10, 0, 0, DateTimeKind.Utc), anna);

            data.Add(db, "r1", noord, april, 1, "Wachttijden jeugd-GGZ verkorten", VisionPillar.ClientCentred | VisionPillar.AppropriateCare,
                RecommendationLevel.Neighbourhood, [Discipline.GeneralPractitioner], anna, new DateOnly(2026, 5, 1), RecommendationStatus.Agreed);
            data.Add(db, "r2", noord, april, 2, "Vaste contactpersoon op school", VisionPillar.ProfessionalCoordination,
                RecommendationLevel.Case, [Discipline.FamilyWorker], null, null, RecommendationStatus.Proposed);
            data.Add(db, "r3", zuid, october, 1, "Gezinswerker op het spreekuur van de huisarts", VisionPillar.Preconditions | VisionPillar.ClientCentred,
                RecommendationLevel.City, [Discipline.FamilyWorker, Discipline.YouthHealthDoctor], bert, new DateOnly(2027, 1, 15), RecommendationStatus.InProgress);
            data.Add(db, "r4", zuid, october, 2, "Wachtlijst samen afstemmen", VisionPillar.AppropriateCare,
                RecommendationLevel.Neighbourhood, [], bert, new DateOnly(2026, 11, 1), RecommendationStatus.Done);
            data.Add(db, "r5", noord, old, 1, "Oude afspraak over wachttijden", VisionPillar.Preconditions,
                RecommendationLevel.City, [Discipline.GeneralPractitioner], anna, null, RecommendationStatus.Dropped);
            data.Add(db, "r6", zuid, null, 0, "Zonder bespreking vastgelegd", VisionPillar.ClientCentred,
                RecommendationLevel.Neighbourhood, [], null, new DateOnly(2026, 12, 31), RecommendationStatus.Proposed, bert);
            await db.SaveChangesAsync();
            (data.Noord, data.Zuid, data.Bert) = (noord.Id, zuid.Id, bert.Id);
            return data;
        }

        public async Task<IReadOnlyList<string>> ListAsync(RecommendationFilter filter)
        {
            await using var db = Database.CreateContext();
            var (total, items) = await new RecommendationCompilation(db).PageAsync(filter, CancellationToken.None);
            Assert.Equal(items.Count, total);
            return Names(items);
        }

        public IReadOnlyList<string> Names(IEnumerable<CompiledRecommendation> items) =>
            [.. items.Select(i => Ids.Single(p => p.Value == i.Id).Key)];

        public ValueTask DisposeAsync() => Database.DisposeAsync();

        private static Professional Professional(ProeftuinDbContext db, string name, Neighbourhood neighbourhood, Discipline discipline)
        {
            var email = name.Replace(' ', '.').ToLowerInvariant() + "@test.nl";
            var user = new ProeftuinUser { Id = Guid.NewGuid(), UserName = email, Email = email };
            var professional = new Professional(user.Id, name, email, discipline, null);
            professional.JoinNeighbourhood(neighbourhood.Id, MembershipRole.Chair);
            db.Users.Add(user);
            db.Professionals.Add(professional);
            return professional;
        }

        private static Meeting Meeting(ProeftuinDbContext db, Neighbourhood neighbourhood, DateTime startUtc, Professional chair)
        {
            var meeting = new Meeting(Guid.NewGuid(), neighbourhood.Id, "Casuïstiekbespreking " + neighbourhood.Name, startUtc, chair.Id);
            db.Meetings.Add(meeting);
            return meeting;
        }

        /// <summary>Created <paramref name="hoursAfter"/> hours after its meeting (or on 20 November without one), then walked to its status.</summary>
        private void Add(
            ProeftuinDbContext db, string name, Neighbourhood neighbourhood, Meeting? meeting, int hoursAfter, string text, VisionPillar pillars, RecommendationLevel level,
            IReadOnlyList<Discipline> addressedTo, Professional? owner, DateOnly? due, RecommendationStatus status, Professional? author = null)
        {
            var created = meeting?.ScheduledStartUtc.AddHours(hoursAfter) ?? new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
            var recommendation = new Recommendation(Guid.NewGuid(), neighbourhood.Id, meeting?.Id, null,
                new RecommendationDetails { Text = text, Pillars = pillars, Level = level, AddressedTo = addressedTo, OwnerId = owner?.Id, DueDate = due }, (author ?? owner)?.Id ?? meeting!.ChairId, created);
            RecommendationStatus[] path = status switch
            {
                RecommendationStatus.Agreed => [RecommendationStatus.Agreed],
                RecommendationStatus.InProgress => [RecommendationStatus.Agreed, RecommendationStatus.InProgress],
                RecommendationStatus.Done => [RecommendationStatus.Agreed, RecommendationStatus.InProgress, RecommendationStatus.Done],
                RecommendationStatus.Dropped => [RecommendationStatus.Dropped],
                _ => [],
            };
            foreach (var step in path)
            {
                recommendation.ChangeStatus(recommendation.Version, step, created.AddMinutes(1));
            }

            db.Recommendations.Add(recommendation);
            Ids[name] = recommendation.Id;
        }
    }
}
