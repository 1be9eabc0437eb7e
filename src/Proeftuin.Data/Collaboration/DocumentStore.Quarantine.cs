using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Data.Collaboration;

public sealed partial class DocumentStore
{
    /// <summary>Op-log entries moved aside on replay, oldest first (for an operator recovering a document).</summary>
    public async Task<IReadOnlyList<QuarantinedOperationRecord>> QuarantinedAsync(DocumentId document, CancellationToken cancellationToken)
    {
        var documentId = document.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<QuarantinedOperationRecord>().AsNoTracking()
            .Where(q => q.DocumentId == documentId)
            .OrderBy(q => q.Revision)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Moves an entry that does not apply to the quarantine table, as it was, and leaves a no-op (retain the whole text
    /// of <paramref name="length"/> units) at its revision, in one transaction. Every reader of the log (join, catch-up,
    /// close, exports, history) then sees a log that replays. Logged without any text: only ids, revision and reason.
    /// </summary>
    private async Task QuarantineAsync(DocumentOperationRecord record, int length, string reason, CancellationToken cancellationToken)
    {
        var noop = new OperationBuilder(1).Retain(length).Build().ToJson();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<QuarantinedOperationRecord>().Add(new QuarantinedOperationRecord
        {
            DocumentId = record.DocumentId,
            Revision = record.Revision,
            Operation = record.Operation,
            ClientId = record.ClientId,
            ClientSeq = record.ClientSeq,
            AuthorId = record.AuthorId,
            AppliedAtUtc = record.AppliedAtUtc,
            Reason = reason.Length > QuarantinedOperationRecord.MaxReasonLength ? reason[..QuarantinedOperationRecord.MaxReasonLength] : reason,
            QuarantinedAtUtc = DateTime.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<DocumentOperationRecord>()
                .Where(o => o.DocumentId == record.DocumentId && o.Revision == record.Revision)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.Operation, noop), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogQuarantined(_logger, record.DocumentId, record.Revision, reason);
        }
        catch (DbUpdateException)
        {
            // Another node (or replay) quarantined this entry at the same moment: its repair stands.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Op-log entry {DocumentId} revision {Revision} does not apply ({Reason}): quarantined and replaced by a no-op.")]
    private static partial void LogQuarantined(ILogger logger, string documentId, long revision, string reason);
}
