using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Proeftuin.Data;
using Proeftuin.Data.Archive;
using Proeftuin.Data.Providers;
using Proeftuin.Data.Seeding;
using Proeftuin.Web.Features.Coordination;
using Proeftuin.Web.Features.Recommendations;

namespace Proeftuin.Benchmarks.Archive;

/// <summary>
/// The archive search and the coordinator's list and matrix over `proeftuin seed --large` (10 000 cases, 50 000
/// recommendations), on SQLite and — when PROEFTUIN_BENCH_POSTGRES names a server — on PostgreSQL. The search runs for
/// the demo chair of Leidsche Rijn, who is a member of 18 wijken: the widest search a professional can make.
/// </summary>
[Config(typeof(WithPercentiles))]
public class LargeVolumeBenchmarks
{
    private DatabaseSettings _settings = null!;
    private List<Guid> _wijken = [];

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> Providers =>
        Environment.GetEnvironmentVariable("PROEFTUIN_BENCH_POSTGRES") is null
            ? [DatabaseProvider.Sqlite]
            : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _settings = Provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetTempPath(), $"proeftuin-bench-{Guid.NewGuid():N}.db")}")
            : new DatabaseSettings(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("PROEFTUIN_BENCH_POSTGRES")) { Database = $"proeftuin_bench_{Guid.NewGuid():N}" }.ConnectionString);
        await using var db = Context();
        await DatabaseMigrator.MigrateAsync(db, _settings, NullLogger.Instance, CancellationToken.None);
        await new LargeDataSeeder(db, TimeProvider.System).SeedAsync(10_000, 50_000, _ => { }, CancellationToken.None);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            // A running server's autovacuum analyses new tables within a minute or so; measure that steady state, not a
            // race with it (unanalysed, the archive search's plan is ten times slower).
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var chair = await db.Professionals.Where(p => p.Email == "ruud.jansen@demo.proeftuin.nl").Select(p => p.Id).FirstAsync();
        _wijken = await db.Memberships.Where(m => m.ProfessionalId == chair).Select(m => m.NeighbourhoodId).ToListAsync();

        // The first search on SQLite indexes every new case: that is set-up, not what a professional waits for.
        await ArchiveSearches.For(Provider, db).SearchAsync(new ArchiveQuery("angstig"), _wijken, CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await using var db = Context();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var database = db.Database.GetDbConnection().Database;
            await using var server = new NpgsqlConnection(Environment.GetEnvironmentVariable("PROEFTUIN_BENCH_POSTGRES"));
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            var file = db.Database.GetDbConnection().DataSource;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }
    }

    [Benchmark]
    public async Task<int> Search_angstig_in_18_wijken()
    {
        await using var db = Context();
        return (await ArchiveSearches.For(Provider, db).SearchAsync(new ArchiveQuery("angstig"), _wijken, CancellationToken.None)).Count;
    }

    [Benchmark]
    public async Task<int> Coordinator_list_first_page()
    {
        await using var db = Context();
        return (await new RecommendationCompilation(db).PageAsync(new RecommendationFilter(), CancellationToken.None)).Total;
    }

    [Benchmark]
    public async Task<int> Coordinator_matrix_and_trend()
    {
        await using var db = Context();
        var compilation = new RecommendationCompilation(db);
        var matrix = await compilation.PillarCountsAsync(new RecommendationFilter(), CancellationToken.None);
        var trend = await compilation.CountsSinceAsync(new RecommendationFilter(), RecommendationStatistics.TrendStartUtc(DateTime.UtcNow), CancellationToken.None);
        return matrix.Count + trend.Count;
    }

    [Benchmark]
    public async Task<int> Coordinator_follow_up()
    {
        await using var db = Context();
        return (await new RecommendationCompilation(db).FollowUpAsync(new RecommendationFilter(), DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None)).Total;
    }

    /// <summary>Everything the workspace page asks the database (list, follow-up, matrix, trend), at once as the page does.</summary>
    [Benchmark]
    public async Task<int> Coordinator_workspace_all_queries()
    {
        var figures = await new WorkspaceQueries(new PooledDbContextFactory<ProeftuinDbContext>(ProeftuinDatabase.Options(_settings)))
            .LoadAsync(new RecommendationFilter(), DateOnly.FromDateTime(DateTime.UtcNow), DateTime.UtcNow, CancellationToken.None);
        return figures.Total + figures.FollowUp.Total + figures.PillarCounts.Count + figures.TrendCounts.Count;
    }

    private ProeftuinDbContext Context() => new(ProeftuinDatabase.Options(_settings));

    private sealed class WithPercentiles : ManualConfig
    {
        public WithPercentiles() => AddColumn(StatisticColumn.P95);
    }
}
