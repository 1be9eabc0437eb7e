using Microsoft.Extensions.Configuration;

namespace Proeftuin.Data.Providers;

/// <summary>Which database to use and how to reach it, read and checked from configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Proeftuin";
    public const string DataFolderKey = "Database:DataFolder";

    /// <summary>
    /// Reads <c>Database:Provider</c> (Sqlite by default) and <c>ConnectionStrings:Proeftuin</c>. For SQLite without a
    /// connection string, the database is a file in the data folder (<c>Database:DataFolder</c>, default App_Data).
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider))
        {
            throw new DatabaseConfigurationException(
                $"Onbekende waarde '{providerText}' voor de instelling {ProviderKey}. Kies Sqlite, SqlServer of PostgreSql.");
        }

        if (!Enum.IsDefined(provider))
        {
            throw new DatabaseConfigurationException(
                $"Onbekende waarde '{providerText}' voor de instelling {ProviderKey}. Kies Sqlite, SqlServer of PostgreSql.");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new DatabaseConfigurationException(
                    $"De instelling {ConnectionStringKey} ontbreekt; die is nodig voor {ProviderKey} = {provider}.");
            }

            var folder = Path.GetFullPath(configuration[DataFolderKey] ?? "App_Data", contentRoot);
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "proeftuin.db")}";
        }

        return new DatabaseSettings(provider, connectionString);
    }
}
