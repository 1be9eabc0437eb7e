using System.Globalization;
using System.Text.RegularExpressions;

namespace Proeftuin.Core.Audit;

/// <summary>
/// A signed note, written outside the database, of where the audit log stood: its last sequence number and hash, how
/// many entries it held, and when. Deleting the newest entries, or rewriting the chain, no longer matches the last
/// checkpoint, and without the key no one can write a checkpoint that does. One line of text, so it fits an
/// append-only file and a syslog message alike:
/// <c>proeftuin-audit-checkpoint v1 seq=… hash=… count=… time=… mac=…</c>.
/// </summary>
public sealed partial record AuditCheckpoint(long Sequence, string Hash, long Count, DateTime TimeUtc)
{
    public const string Marker = "proeftuin-audit-checkpoint";

    /// <summary>The line to write, with its HMAC.</summary>
    public string Format(AuditKey key) => $"{Body} mac={key.Sign(Body)}";

    /// <summary>
    /// Finds a checkpoint in <paramref name="line"/> (a syslog line may carry a prefix). Returns false when there is
    /// none; <paramref name="signatureValid"/> says whether its MAC matches <paramref name="key"/>.
    /// </summary>
    public static bool TryParse(string line, AuditKey key, out AuditCheckpoint? checkpoint, out bool signatureValid)
    {
        checkpoint = null;
        signatureValid = false;
        var match = LinePattern().Match(line);
        if (!match.Success
            || !long.TryParse(match.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !long.TryParse(match.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !DateTime.TryParseExact(match.Groups["time"].Value, "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        checkpoint = new AuditCheckpoint(sequence, match.Groups["hash"].Value, count, time);
        signatureValid = string.Equals(key.Sign(checkpoint.Body), match.Groups["mac"].Value, StringComparison.Ordinal);
        return true;
    }

    private string Body => string.Create(
        CultureInfo.InvariantCulture,
        $"{Marker} v1 seq={Sequence} hash={Hash} count={Count} time={TimeUtc.ToUniversalTime():O}");

    [GeneratedRegex(@"proeftuin-audit-checkpoint v1 seq=(?<seq>\d{1,19}) hash=(?<hash>[0-9A-Za-z-]{1,64}) count=(?<count>\d{1,19}) time=(?<time>\S{1,40}) mac=(?<mac>[0-9A-F]{64})", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
