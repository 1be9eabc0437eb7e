using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Schema;

public sealed class Migrations_apply_to_an_empty_database
{
    [Fact]
    public Task On_sqlite() => MigrateAndCheck(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task On_postgresql() => MigrateAndCheck(DatabaseProvider.PostgreSql);

    [Fact]
    public async Task Unreachable_database_names_the_connection_setting()
    {
        var settings = new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Database=none;Timeout=2");
        await using var db = new ProeftuinDbContext(ProeftuinDatabase.Options(settings));

        var error = await Assert.ThrowsAsync<DatabaseConfigurationException>(
            () => DatabaseMigrator.MigrateAsync(db, settings, NullLogger.Instance, CancellationToken.None));

        Assert.Contains("ConnectionStrings:Proeftuin", error.Message, StringComparison.Ordinal);
    }

    private static async Task MigrateAndCheck(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();

        await DatabaseMigrator.MigrateAsync(db, database.Settings, NullLogger.Instance, CancellationToken.None);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Neighbourhoods.CountAsync());
    }
}
