using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;

namespace Proeftuin.Data.Audit;

/// <summary>The outcome of a verification: whole or not, and a Dutch sentence that says what was found and where.</summary>
public sealed record AuditVerdict(bool Intact, long Count, long? BrokenAt, string Message);

/// <summary>
/// Verifies the audit log: the keyed chain entry by entry, then the tail against the last signed checkpoint written
/// outside the database. The chain alone cannot see its newest entries deleted; the checkpoint can, because it names
/// the last sequence number and hash it saw, and only the key holder can write one.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerdict> VerifyAsync(ProeftuinDbContext db, AuditKey key, CheckpointReading? checkpoints, CancellationToken cancellationToken)
    {
        var count = await db.AuditEntries.LongCountAsync(cancellationToken);
        if (await AuditWriter.VerifyAsync(db, key, cancellationToken) is { } broken)
        {
            return new AuditVerdict(false, count, broken, Invariant(
                $"regel {broken} is gewijzigd, zonder de sleutel herschreven, of de keten is daar onderbroken ({count} regels gecontroleerd)."));
        }

        if (checkpoints is null)
        {
            return new AuditVerdict(true, count, null, Invariant($"{count} regels, keten ononderbroken (zonder controlepunt gecontroleerd)."));
        }

        if (checkpoints.ForgedLines > 0)
        {
            return new AuditVerdict(false, count, null, Invariant(
                $"{checkpoints.ForgedLines} controlepunt(en) in {checkpoints.Path} hebben geen geldige handtekening (eerste op regel {checkpoints.FirstForgedLine} van dat bestand)."));
        }

        if (checkpoints.Latest is not { } checkpoint)
        {
            var why = checkpoints.Found ? "bevat geen controlepunt" : "bestaat niet";
            return new AuditVerdict(true, count, null, Invariant(
                $"{count} regels, keten ononderbroken; LET OP: {checkpoints.Path} {why}, dus verwijderde laatste regels zijn niet te zien."));
        }

        var name = Invariant($"het controlepunt van {checkpoint.TimeUtc:yyyy-MM-dd HH:mm:ss} UTC (regel {checkpoint.Sequence}, {checkpoint.Count} regels) in {checkpoints.Path}");
        var last = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (last < checkpoint.Sequence)
        {
            return new AuditVerdict(false, count, last + 1, Invariant(
                $"de laatste regels zijn verwijderd: het log eindigt bij regel {last}, maar {name} noemt regel {checkpoint.Sequence}."));
        }

        var atCheckpoint = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == checkpoint.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
        if (!string.Equals(atCheckpoint, checkpoint.Hash, StringComparison.Ordinal))
        {
            return new AuditVerdict(false, count, checkpoint.Sequence, Invariant(
                $"regel {checkpoint.Sequence} heeft niet de hash uit {name}: de keten is herschreven."));
        }

        // Fewer entries up to the checkpoint than it counted means the oldest ones went, which only a purge may do.
        var upToCheckpoint = await db.AuditEntries.LongCountAsync(e => e.Sequence <= checkpoint.Sequence, cancellationToken);
        var purgedSince = await db.AuditEntries.AnyAsync(e => e.Sequence > checkpoint.Sequence && e.Action == "audit-purge", cancellationToken);
        if (upToCheckpoint < checkpoint.Count && !purgedSince)
        {
            return new AuditVerdict(false, count, null, Invariant(
                $"er ontbreken {checkpoint.Count - upToCheckpoint} regels vóór regel {checkpoint.Sequence}, zonder opschoning: {name} telde er {checkpoint.Count}."));
        }

        return new AuditVerdict(true, count, null, Invariant(
            $"{count} regels, keten ononderbroken en in overeenstemming met {name}."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
