using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Archive;

namespace Proeftuin.Data.Archive;

/// <summary>
/// Keeps the SQLite FTS5 index (ArchiveSearchIndex, stemmed words only) in step with cases, recommendations and
/// final verslagen (a draft verslag has no FinalText, so nothing of it is indexed).
/// Triggers (migration ArchiveSearch) mark a row of ArchiveSearchEntries stale whenever a text is written, by any
/// route (EF, raw SQL, the CLI); SQLite cannot stem Dutch, so the stale rows are stemmed here, in C#, before each search.
/// One write transaction per batch: SQLite takes the write lock at its start (BEGIN IMMEDIATE), so no text can change
/// between reading it and marking it fresh.
/// </summary>
internal static class SqliteArchiveIndex
{
    private const int BatchSize = 500;

    public static async Task CatchUpAsync(ProeftuinDbContext db, CancellationToken cancellationToken)
    {
        while (await AnyStaleAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.Database.SqlQuery<StaleEntry>($"""
                SELECT e.RowId AS RowId, COALESCE(c.Code || ' ' || c.Title || ' ' || c.Text, r.Text, mm.FinalText) AS Content
                FROM ArchiveSearchEntries AS e
                LEFT JOIN CaseFiles AS c ON e.Kind = 'case' AND c.Id = e.EntityId
                LEFT JOIN Recommendations AS r ON e.Kind = 'recommendation' AND r.Id = e.EntityId
                LEFT JOIN MeetingMinutes AS mm ON e.Kind = 'minutes' AND mm.Id = e.EntityId
                WHERE e.Stale = 1
                LIMIT {BatchSize}
                """).ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM ArchiveSearchIndex WHERE rowid = {entry.RowId}", cancellationToken);
                if (entry.Content is not null)
                {
                    var stems = SearchTerms.StemmedText(entry.Content);
                    await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO ArchiveSearchIndex (rowid, Stems) VALUES ({entry.RowId}, {stems})", cancellationToken);
                }

                await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE ArchiveSearchEntries SET Stale = 0 WHERE RowId = {entry.RowId}", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<bool> AnyStaleAsync(ProeftuinDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"SELECT EXISTS (SELECT 1 FROM ArchiveSearchEntries WHERE Stale = 1) AS Value").SingleAsync(cancellationToken) == 1;

    private sealed record StaleEntry(long RowId, string? Content);
}
