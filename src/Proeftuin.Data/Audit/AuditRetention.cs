using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;

namespace Proeftuin.Data.Audit;

/// <summary>
/// Removes audit entries older than the retention period (NEN 7513: 5 years by default) and logs the purge itself.
/// The chain stays verifiable: the oldest remaining entry keeps the hash of the removed one as its link.
/// </summary>
public sealed class AuditRetention(IDbContextFactory<ProeftuinDbContext> contexts, AuditWriter writer, TimeProvider time)
{
    public async Task<int> PurgeAsync(int retentionYears, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionYears, 1);
        var cutoff = time.GetUtcNow().UtcDateTime.AddYears(-retentionYears);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.AuditEntries.Where(e => e.TimestampUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await writer.AppendAsync(new AuditEntry
            {
                Action = "audit-purge",
                Outcome = "success",
                ObjectType = "AuditLog",
                ObjectId = $"removed {removed} entries before {cutoff:yyyy-MM-dd}",
                UserName = "system",
            }, cancellationToken);
        }

        return removed;
    }
}
