using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;

namespace Proeftuin.Data.Audit;

/// <summary>
/// Writes a signed checkpoint of the audit log's tail to a sink outside the database, when the tail moved since the
/// last one this process wrote.
/// </summary>
public sealed class AuditCheckpointWriter(IDbContextFactory<ProeftuinDbContext> contexts, AuditKey key, ICheckpointSink sink, TimeProvider time)
{
    private long _lastWritten = -1;

    /// <summary>Writes a checkpoint unless the log is empty or unchanged; returns what was written.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null || last.Sequence == Interlocked.Read(ref _lastWritten))
        {
            return null;
        }

        // Counted up to the tail read above: an entry appended meanwhile belongs to the next checkpoint.
        var count = await db.AuditEntries.LongCountAsync(e => e.Sequence <= last.Sequence, cancellationToken);
        var checkpoint = new AuditCheckpoint(last.Sequence, last.Hash, count, time.GetUtcNow().UtcDateTime);
        await sink.WriteAsync(checkpoint.Format(key), cancellationToken);
        Interlocked.Exchange(ref _lastWritten, last.Sequence);
        return checkpoint;
    }
}

/// <summary>What a file of checkpoint lines (the file target, or the file syslog writes them to) holds.</summary>
public sealed record CheckpointReading(string Path, bool Found, AuditCheckpoint? Latest, int ForgedLines, int FirstForgedLine)
{
    /// <summary>
    /// Reads every checkpoint line in <paramref name="path"/>; the one with the highest sequence number counts (several
    /// nodes may write to one file). Lines whose MAC does not match the key are counted as forged.
    /// </summary>
    public static async Task<CheckpointReading> ReadAsync(string path, AuditKey key, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new CheckpointReading(path, false, null, 0, 0);
        }

        AuditCheckpoint? latest = null;
        var (forged, firstForged, number) = (0, 0, 0);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (!AuditCheckpoint.TryParse(line, key, out var checkpoint, out var valid))
            {
                continue;
            }

            if (!valid)
            {
                forged++;
                firstForged = firstForged == 0 ? number : firstForged;
            }
            else if (latest is null || checkpoint!.Sequence >= latest.Sequence)
            {
                latest = checkpoint;
            }
        }

        return new CheckpointReading(path, true, latest, forged, firstForged);
    }
}
