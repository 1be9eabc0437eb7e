using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Proeftuin.Core.Audit;

/// <summary>
/// The chain over the audit log: a MAC of a canonical form of every field plus the previous entry's hash. New entries
/// are sealed with HMAC-SHA256 and the <see cref="AuditKey"/>, which the database never holds; entries written before
/// the key existed keep their plain SHA-256 and still verify, but once the chain has switched to HMAC it never goes
/// back (see docs/decisions/0010-audit-chain-hmac-and-checkpoints.md). The first entry after an empty log (or after a
/// retention purge) links to <see cref="Anchor"/> or to the hash the purge kept.
/// </summary>
public static class AuditChain
{
    public const string Anchor = "proeftuin-audit-v1";

    /// <summary>Plain SHA-256, without a key: anyone who can write the database can recompute it.</summary>
    public const int Sha256 = 1;

    /// <summary>HMAC-SHA256 with the audit key.</summary>
    public const int HmacSha256 = 2;

    public static string ComputeHash(AuditEntry entry, AuditKey key)
    {
        var canonical = Canonical(entry);
        return entry.ChainVersion switch
        {
            Sha256 => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))),
            HmacSha256 => key.Sign(canonical),

            // An unknown version never verifies.
            _ => string.Empty,
        };
    }

    /// <summary>Links <paramref name="entry"/> after <paramref name="previous"/> (null: the first entry) and seals it with the key.</summary>
    public static void Seal(AuditEntry entry, AuditEntry? previous, AuditKey key)
    {
        entry.Sequence = (previous?.Sequence ?? 0) + 1;
        entry.PreviousHash = previous?.Hash ?? Anchor;
        entry.ChainVersion = HmacSha256;
        entry.Hash = ComputeHash(entry, key);
    }

    /// <summary>
    /// Checks entries in sequence order. Returns the sequence number of the first entry whose hash or link does not
    /// match, or null when the chain is whole. The first entry may link to anything (a purge may have removed older
    /// ones); the purge's own entry records what it removed. A keyless entry after a keyed one is a break: that is what
    /// a rewrite without the key would look like.
    /// </summary>
    public static long? FirstBroken(IEnumerable<AuditEntry> entriesInOrder, AuditKey key)
    {
        AuditEntry? previous = null;
        foreach (var entry in entriesInOrder)
        {
            if (entry.Hash != ComputeHash(entry, key)
                || (previous is not null && (entry.PreviousHash != previous.Hash
                                             || entry.Sequence != previous.Sequence + 1
                                             || entry.ChainVersion < previous.ChainVersion)))
            {
                return entry.Sequence;
            }

            previous = entry;
        }

        return null;
    }

    private static string Canonical(AuditEntry entry) => string.Join(
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
}
