using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Proeftuin.Testing;

/// <summary>
/// Every SQLite connection of a test app commits without waiting for the disk (<c>PRAGMA synchronous=OFF</c>), as
/// scripts/test.sh runs PostgreSQL with fsync off: a test database lives seconds and is thrown away, so surviving a
/// power cut is nothing a test needs, while the wait for the disk on each of the thousands of commits (every audited
/// refusal is one) was a large part of the suite's time on a busy machine. A killed process loses nothing this way:
/// what was committed is in the operating system's cache. Transactions, locking and the write-ahead log work as in
/// production.
/// </summary>
public sealed class TestSqliteDurability : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Relax(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Relax(connection);
        return Task.CompletedTask;
    }

    private static void Relax(DbConnection connection)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=OFF;";
            command.ExecuteNonQuery();
        }
    }
}
