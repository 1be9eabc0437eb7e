using Proeftuin.Data.Providers;

namespace Proeftuin.Data.Archive;

/// <summary>The archive search of the configured database provider.</summary>
public static class ArchiveSearches
{
    public static IArchiveSearch For(DatabaseProvider provider, ProeftuinDbContext db) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteArchiveSearch(db),
        DatabaseProvider.PostgreSql => new PostgreSqlArchiveSearch(db),
        DatabaseProvider.SqlServer => new SqlServerArchiveSearch(db),
        _ => throw new DatabaseConfigurationException($"Onbekende databaseprovider {provider}."),
    };
}
