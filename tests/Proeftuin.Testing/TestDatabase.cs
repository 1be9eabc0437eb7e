using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Proeftuin.Data;
using Proeftuin.Data.Providers;

namespace Proeftuin.Testing;

/// <summary>
/// A fresh, empty database for one test class: a temporary SQLite file, or a new database on the test PostgreSQL
/// server. Dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestDatabase(DatabaseSettings settings, Func<Task> drop)
    {
        Settings = settings;
        _drop = drop;
    }

    public DatabaseSettings Settings { get; }

    public ProeftuinDbContext CreateContext() => new(ProeftuinDatabase.Options(Settings));

    /// <summary>A context factory over this database, for services that create their own contexts.</summary>
    public IDbContextFactory<ProeftuinDbContext> Contexts => new ContextFactory(this);

    /// <summary>A fresh database with the app's migrations applied, as the app applies them at start-up.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var database = Create(provider);
        await using var db = database.CreateContext();
        await DatabaseMigrator.MigrateAsync(db, database.Settings, NullLogger.Instance, CancellationToken.None);
        return database;
    }

    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(),
        DatabaseProvider.PostgreSql => CreatePostgres(),
        _ => throw new NotSupportedException($"{provider} cannot run on this machine."),
    };

    public static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "proeftuin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "test.db")};Pooling=False");
        return new TestDatabase(settings, () =>
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }

    public static TestDatabase CreatePostgres()
    {
        var server = TestServers.Postgres
            ?? throw new InvalidOperationException($"{TestServers.PostgresVariable} is not set: run the tests with scripts/test.sh.");
        var name = "proeftuin_test_" + Guid.NewGuid().ToString("N")[..16];
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, builder.ConnectionString), async () =>
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync() => await _drop();

    private sealed class ContextFactory(TestDatabase database) : IDbContextFactory<ProeftuinDbContext>
    {
        public ProeftuinDbContext CreateDbContext() => database.CreateContext();
    }
}
