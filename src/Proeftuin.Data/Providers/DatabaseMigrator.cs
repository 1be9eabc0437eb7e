using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Proeftuin.Data.Providers;

/// <summary>Brings the database to the latest migration; an unreachable database becomes one clear message.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(ProeftuinDbContext db, DatabaseSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Database bijwerken: {Count} migratie(s) voor {Provider}", pending.Count, settings.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead logging: readers do not block the writer, and each appended operation costs one append
                // to the log instead of a rollback journal. The setting is stored in the file, so this runs once per start.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or ArgumentException)
        {
            throw new DatabaseConfigurationException(
                $"De database ({settings.Provider}) is niet bereikbaar of niet bij te werken. Controleer de instelling " +
                $"{DatabaseSettings.ConnectionStringKey} (en {DatabaseSettings.ProviderKey}). Oorzaak: {FirstLine(ex)}",
                ex);
        }
    }

    private static string FirstLine(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.Split('\n')[0].Trim();
    }
}
