using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Proeftuin.Core.Audit;

/// <summary>
/// The hash chain over the audit log: SHA-256 of a canonical form of every field plus the previous entry's hash.
/// The first entry after an empty log (or after a retention purge) links to <see cref="Anchor"/> or to the hash the
/// purge kept.
/// </summary>
public static class AuditChain
{
    public const string Anchor = "proeftuin-audit-v1";

    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.TimestampUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.UserId?.ToString("D") ?? string.Empty,
            entry.UserName ?? string.Empty,
            entry.Discipline ?? string.Empty,
            entry.Role ?? string.Empty,
            entry.Action,
            entry.ObjectType ?? string.Empty,
            entry.ObjectId ?? string.Empty,
            entry.NeighbourhoodId?.ToString("D") ?? string.Empty,
            entry.ClientAddress ?? string.Empty,
            entry.Outcome,
            entry.CorrelationId ?? string.Empty,
            entry.PreviousHash);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Links <paramref name="entry"/> after <paramref name="previous"/> (null: the first entry) and seals it.</summary>
    public static void Seal(AuditEntry entry, AuditEntry? previous)
    {
        entry.Sequence = (previous?.Sequence ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? Anchor;
        entry.Hash = ComputeHash(entry);
    }

    /// <summary>
    /// Checks entries in sequence order. Returns the sequence number of the first entry whose hash or link does not
    /// match, or null when the chain is whole. The first entry may link to anything (a purge may have removed older
    /// ones); the purge's own entry records what it removed.
    /// </summary>
    public static long? FirstBroken(IEnumerable<AuditEntry> entriesInOrder)
    {
        AuditEntry? previous = null;
        foreach (var entry in entriesInOrder)
        {
            if (entry.Hash != ComputeHash(entry)
                || (previous is not null && (entry.PreviousHash != previous.Hash || entry.Sequence != previous.Sequence + 1)))
            {
                return entry.Sequence;
            }

            previous = entry;
        }

        return null;
    }
}
