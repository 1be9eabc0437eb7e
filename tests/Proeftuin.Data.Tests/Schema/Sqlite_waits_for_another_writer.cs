using Microsoft.EntityFrameworkCore;
using Proeftuin.Data.Providers;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Schema;

/// <summary>
/// SQLite waits for another connection's write itself (ADR 0042): without a busy timeout Microsoft.Data.Sqlite retries a
/// busy database only every 150 ms, which held live keystrokes queued behind the op log's writer for that long.
/// </summary>
public sealed class Sqlite_waits_for_another_writer
{
    [Fact]
    public async Task Every_connection_of_the_app_has_the_busy_timeout()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        for (var open = 0; open < 2; open++)
        {
            // A pooled connection is opened again for the second context: the timeout holds on every open.
            await using var db = database.CreateContext();
            var timeout = await db.Database.SqlQueryRaw<long>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync();
            Assert.Equal(SqliteBusyTimeout.Milliseconds, timeout);
        }
    }
}
