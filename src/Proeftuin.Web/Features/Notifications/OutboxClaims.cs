using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>
/// Claiming, completing and failing outbox rows with single conditional UPDATEs, so exactly one node wins a row on
/// SQLite (one writer at a time), PostgreSQL (READ COMMITTED re-checks the WHERE after a concurrent update commits) and
/// SQL Server (the update lock) alike, without provider-specific SQL such as SKIP LOCKED. A claim is a fresh token
/// with a lease; completing or failing a row requires the token, so a node whose lease ran out cannot overwrite the
/// state of the node that took the row over.
/// </summary>
public static class OutboxClaims
{
    /// <summary>Ids of rows that are due and not held by a live claim, oldest first.</summary>
    public static Task<List<Guid>> DueAsync(ProeftuinDbContext db, DateTime nowUtc, int batchSize, CancellationToken cancellationToken) =>
        Due(db.OutboxMessages, nowUtc).OrderBy(m => m.CreatedAtUtc).Select(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);

    /// <summary>Claims one row for <paramref name="owner"/>; null when another node was first.</summary>
    public static async Task<Guid?> TryClaimAsync(ProeftuinDbContext db, Guid id, string owner, DateTime nowUtc, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var until = nowUtc + lease;
        var claimed = await Due(db.OutboxMessages.Where(m => m.Id == id), nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedBy, owner).SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
        return claimed == 1 ? token : null;
    }

    public static Task<int> MarkSentAsync(ProeftuinDbContext db, Guid id, Guid token, DateTime nowUtc, CancellationToken cancellationToken) =>
        Held(db, id, token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.SentAtUtc, nowUtc).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, (string?)null),
            cancellationToken);

    /// <summary>Ends a message that will never be sent (nobody to send it to, opted out, text refused).</summary>
    public static Task<int> AbandonAsync(ProeftuinDbContext db, Guid id, Guid token, DateTime nowUtc, string reason, CancellationToken cancellationToken) =>
        Held(db, id, token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.AbandonedAtUtc, nowUtc).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, Trim(reason)),
            cancellationToken);

    /// <summary>A failed attempt: the next one waits (exponential back-off); after the last one the row is abandoned.</summary>
    public static async Task FailAsync(ProeftuinDbContext db, Guid id, Guid token, int attemptsBefore, DateTime nowUtc, string error, OutboxOptions options, CancellationToken cancellationToken)
    {
        var attempts = attemptsBefore + 1;
        var next = nowUtc + options.BackoffAfter(attempts);
        DateTime? abandoned = attempts >= options.MaxAttempts ? nowUtc : null;
        await Held(db, id, token).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAtUtc, next).SetProperty(m => m.AbandonedAtUtc, abandoned)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, Trim(error)),
            cancellationToken);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> rows, DateTime nowUtc) =>
        rows.Where(m => m.SentAtUtc == null && m.AbandonedAtUtc == null
            && (m.NextAttemptAtUtc == null || m.NextAttemptAtUtc <= nowUtc)
            && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc <= nowUtc));

    private static IQueryable<OutboxMessage> Held(ProeftuinDbContext db, Guid id, Guid token) =>
        db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token && m.SentAtUtc == null);

    private static string Trim(string text) => text.Length <= OutboxMessage.MaxErrorLength ? text : text[..OutboxMessage.MaxErrorLength];
}
