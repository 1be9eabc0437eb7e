using Microsoft.EntityFrameworkCore;

namespace Proeftuin.Data.Providers;

/// <summary>Points a DbContext at the configured provider, with the migrations assembly of that provider.</summary>
public static class ProeftuinDatabase
{
    public const string SqliteMigrationsAssembly = "Proeftuin.Data.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Proeftuin.Data.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Proeftuin.Data.Migrations.PostgreSql";

    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, DatabaseSettings settings) =>
        settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(
                settings.ConnectionString,
                sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteBusyTimeout.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(
                settings.ConnectionString,
                sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure()),
            DatabaseProvider.PostgreSql => options.UseNpgsql(
                settings.ConnectionString,
                npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => throw new DatabaseConfigurationException($"Onbekende databaseprovider {settings.Provider}."),
        };

    public static DbContextOptions<ProeftuinDbContext> Options(DatabaseSettings settings) =>
        (DbContextOptions<ProeftuinDbContext>)new DbContextOptionsBuilder<ProeftuinDbContext>().Use(settings).Options;
}
