using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;

namespace Proeftuin.Data.Audit;

/// <summary>
/// Appends to the audit log, sealing each entry with the <see cref="AuditKey"/>. Appends are serialised in this
/// process, and the unique sequence key serialises them across processes: a writer that loses the race reads the new
/// tail and tries again.
/// </summary>
public sealed class AuditWriter(IDbContextFactory<ProeftuinDbContext> contexts, TimeProvider time, AuditKey key)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => AppendAllAsync([entry], cancellationToken);

    /// <summary>Appends <paramref name="entries"/> in order, in one transaction (e.g. one entry per case a join disclosed).</summary>
    public async Task AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        // Whole microseconds: PostgreSQL keeps no more, and the hash must match what is read back.
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            entry.TimestampUtc = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
                foreach (var entry in entries)
                {
                    AuditChain.Seal(entry, previous, key);
                    previous = entry;
                }

                db.AuditEntries.AddRange(entries);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateException) when (attempt < 20)
                {
                    // Another node appended the same sequence number first.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks the whole chain; returns the first broken sequence number, or null.</summary>
    public static async Task<long?> VerifyAsync(ProeftuinDbContext db, AuditKey key, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var buffer = new List<AuditEntry>();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            buffer.Add(entry);
        }

        return AuditChain.FirstBroken(buffer, key);
    }
}
