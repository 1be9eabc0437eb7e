using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Proeftuin.Data.Providers;

/// <summary>
/// Lets SQLite itself wait for another connection's write (<c>PRAGMA busy_timeout</c>, retrying within a millisecond
/// or two) instead of returning "busy" at once: Microsoft.Data.Sqlite then sleeps 150 ms before it retries, and one such
/// collision of the op log's group commit with any other write (an audit entry, a snapshot) held every keystroke
/// queued behind it for that long: 1 % of the live operations took over 100 ms (ADR 0042). Same bound as the
/// library's command timeout, 30 s.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    public static SqliteBusyTimeout Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // SQLite's calls are synchronous under their async face; this one returns at once.
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
            command.ExecuteNonQuery();
        }
    }
}
