using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Proeftuin.Core.Collaboration;

namespace Proeftuin.Data.Collaboration;

/// <summary>
/// The durable side of co-editing: the op log (written before a client is acked), snapshots every
/// <see cref="SnapshotInterval"/> operations, rebuilding a <see cref="DocumentSession"/> after a restart, and the text
/// at any revision for the history slider. Documents are keyed by their canonical <see cref="DocumentId"/>. An entry
/// that does not apply on replay (left by an older version) is quarantined, not fatal: see <see cref="QuarantineAsync"/>.
/// </summary>
public sealed partial class DocumentStore(IDbContextFactory<ProeftuinDbContext> contexts, ILogger<DocumentStore>? logger = null)
{
    public const int SnapshotInterval = 200;

    private readonly GroupCommit _groupCommit = new(contexts);
    private readonly ILogger _logger = logger ?? NullLogger<DocumentStore>.Instance;
    private string? _provider;

    private async ValueTask<bool> IsSqliteAsync(CancellationToken cancellationToken) =>
        await ProviderAsync(cancellationToken) == "Microsoft.EntityFrameworkCore.Sqlite";

    private async ValueTask<bool> IsPostgresAsync(CancellationToken cancellationToken) =>
        await ProviderAsync(cancellationToken) == "Npgsql.EntityFrameworkCore.PostgreSQL";

    private async ValueTask<string> ProviderAsync(CancellationToken cancellationToken)
    {
        if (_provider is null)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            _provider = db.Database.ProviderName ?? string.Empty;
        }

        return _provider;
    }

    /// <summary>Appends one applied operation; throws <see cref="RevisionConflictException"/> when the revision exists.</summary>
    public async ValueTask AppendAsync(AppliedOperation applied, Guid? authorId, CancellationToken cancellationToken)
    {
        // Only canonical ids reach the log: a second spelling would give one document two logs.
        _ = DocumentId.Parse(applied.DocumentId);
        var record = new DocumentOperationRecord
        {
            DocumentId = applied.DocumentId,
            Revision = applied.Revision,
            Operation = applied.Operation.ToJson(),
            ClientId = applied.ClientId,
            ClientSeq = applied.ClientSeq,
            AuthorId = authorId,
            AppliedAtUtc = applied.AppliedAtUtc,
        };
        try
        {
            if (await IsSqliteAsync(cancellationToken))
            {
                await _groupCommit.AppendAsync(record);
            }
            else if (await IsPostgresAsync(cancellationToken))
            {
                // Losing the race for a revision is normal with several nodes: ask PostgreSQL to skip the row instead of
                // raising (and logging) an error, and tell the caller to catch up.
                await using var writer = await contexts.CreateDbContextAsync(cancellationToken);
                var written = await writer.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    INSERT INTO "DocumentOperations" ("DocumentId", "Revision", "Operation", "ClientId", "ClientSeq", "AuthorId", "AppliedAtUtc")
                    VALUES ({record.DocumentId}, {record.Revision}, {record.Operation}, {record.ClientId}, {record.ClientSeq}, {record.AuthorId}, {record.AppliedAtUtc})
                    ON CONFLICT DO NOTHING
                    """,
                    cancellationToken);
                if (written == 0)
                {
                    throw new RevisionConflictException(applied.DocumentId, applied.Revision, new InvalidOperationException("The revision exists."));
                }
            }
            else
            {
                await using var writer = await contexts.CreateDbContextAsync(cancellationToken);
                writer.Set<DocumentOperationRecord>().Add(record);
                await writer.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var exists = await db.Set<DocumentOperationRecord>().AsNoTracking()
                .AnyAsync(o => o.DocumentId == applied.DocumentId && o.Revision == applied.Revision, cancellationToken);
            if (exists)
            {
                throw new RevisionConflictException(applied.DocumentId, applied.Revision, ex);
            }

            throw;
        }
    }

    /// <summary>
    /// Fixes the text the op log starts from as snapshot 0, the first time a document is edited, so later changes to the
    /// source (the case's stored text) never shift the log.
    /// </summary>
    public async Task EnsureBaseAsync(DocumentId document, string baseText, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var documentId = document.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<DocumentSnapshotRecord>().AnyAsync(s => s.DocumentId == documentId, cancellationToken)
            || await db.Set<DocumentOperationRecord>().AnyAsync(o => o.DocumentId == documentId, cancellationToken))
        {
            return;
        }

        db.Set<DocumentSnapshotRecord>().Add(new DocumentSnapshotRecord { DocumentId = documentId, Revision = 0, Text = baseText, CreatedAtUtc = nowUtc });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node fixed the base at the same moment: theirs stands.
        }
    }

    /// <summary>Writes a snapshot when the revision is a multiple of the interval (idempotent).</summary>
    public async Task SnapshotIfDueAsync(DocumentId document, string text, long revision, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var documentId = document.ToString();
        if (revision == 0 || revision % SnapshotInterval != 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<DocumentSnapshotRecord>().AnyAsync(s => s.DocumentId == documentId && s.Revision == revision, cancellationToken))
        {
            db.Set<DocumentSnapshotRecord>().Add(new DocumentSnapshotRecord { DocumentId = documentId, Revision = revision, Text = text, CreatedAtUtc = nowUtc });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The session as it stands in the database: the latest snapshot (or <paramref name="initialText"/> at revision 0)
    /// plus every operation after it, with the recent operations kept for transforms and idempotent resubmission.
    /// </summary>
    public async Task<DocumentSession> LoadAsync(DocumentId document, string initialText, CancellationToken cancellationToken, int historyLimit = DocumentSession.DefaultHistoryLimit)
    {
        var documentId = document.ToString();
        var (text, revision) = await TextAtAsync(document, initialText, long.MaxValue, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recent = await db.Set<DocumentOperationRecord>().AsNoTracking()
            .Where(o => o.DocumentId == documentId && o.Revision <= revision)
            .OrderByDescending(o => o.Revision)
            .Take(historyLimit)
            .ToListAsync(cancellationToken);
        recent.Reverse();

        // Replay repaired the log after the latest snapshot; an unreadable entry before it ends the history kept for
        // transforms there (clients based on older revisions resync), instead of stopping the document from opening.
        var history = new List<AppliedOperation>(recent.Count);
        foreach (var record in recent)
        {
            if (TryApplied(record) is { } applied)
            {
                history.Add(applied);
            }
            else
            {
                history.Clear();
            }
        }

        return new DocumentSession(documentId, text, revision, history, historyLimit);
    }

    /// <summary>Operations after <paramref name="revision"/>, oldest first: what a node that lost a race must catch up on.</summary>
    public async Task<IReadOnlyList<AppliedOperation>> OperationsAfterAsync(DocumentId document, long revision, CancellationToken cancellationToken)
    {
        var records = await RecordsAfterAsync(document, revision, cancellationToken);
        if (records.Any(r => TryApplied(r) is null))
        {
            // An entry no version of this code would write: replay the document once (which quarantines it) and read again.
            await TextAtAsync(document, string.Empty, long.MaxValue, cancellationToken);
            records = await RecordsAfterAsync(document, revision, cancellationToken);
        }

        return [.. records.Select(r => TryApplied(r) ?? throw new OperationException("operation.malformed", $"Versie {r.Revision} van het document is onleesbaar."))];
    }

    private async Task<List<DocumentOperationRecord>> RecordsAfterAsync(DocumentId document, long revision, CancellationToken cancellationToken)
    {
        var documentId = document.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<DocumentOperationRecord>().AsNoTracking()
            .Where(o => o.DocumentId == documentId && o.Revision > revision)
            .OrderBy(o => o.Revision)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Who applied each revision and when, oldest first (for the history of a text).</summary>
    public async Task<IReadOnlyList<(long Revision, Guid? AuthorId, DateTime AppliedAtUtc)>> RevisionsAsync(DocumentId document, CancellationToken cancellationToken)
    {
        var documentId = document.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<DocumentOperationRecord>().AsNoTracking()
            .Where(o => o.DocumentId == documentId)
            .OrderBy(o => o.Revision)
            .Select(o => new { o.Revision, o.AuthorId, o.AppliedAtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Revision, r.AuthorId, r.AppliedAtUtc))];
    }

    /// <summary>
    /// The text at <paramref name="revision"/> (or the latest, if it is higher), rebuilt from snapshot + log. An entry
    /// that does not apply is quarantined and counts as a no-op, so the rest of the document still opens.
    /// </summary>
    public async Task<(string Text, long Revision)> TextAtAsync(DocumentId document, string initialText, long revision, CancellationToken cancellationToken)
    {
        var documentId = document.ToString();
        List<DocumentOperationRecord> operations;
        DocumentSnapshotRecord? snapshot;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            snapshot = await db.Set<DocumentSnapshotRecord>().AsNoTracking()
                .Where(s => s.DocumentId == documentId && s.Revision <= revision)
                .OrderByDescending(s => s.Revision)
                .FirstOrDefaultAsync(cancellationToken);
            var from = snapshot?.Revision ?? 0;

            // Read to the end before replaying: a quarantine writes, and SQLite would wait on an open reader.
            operations = await db.Set<DocumentOperationRecord>().AsNoTracking()
                .Where(o => o.DocumentId == documentId && o.Revision > from && o.Revision <= revision)
                .OrderBy(o => o.Revision)
                .ToListAsync(cancellationToken);
        }

        var text = snapshot?.Text ?? initialText;
        var at = snapshot?.Revision ?? 0;
        foreach (var operation in operations)
        {
            try
            {
                text = TextOperation.FromJson(operation.Operation).Apply(text);
            }
            catch (OperationException error)
            {
                await QuarantineAsync(operation, text.Length, error.Code, cancellationToken);
            }

            at = operation.Revision;
        }

        return (text, at);
    }

    private static AppliedOperation? TryApplied(DocumentOperationRecord record)
    {
        try
        {
            return new(record.DocumentId, record.Revision, TextOperation.FromJson(record.Operation), record.ClientId, record.ClientSeq, record.AppliedAtUtc, record.AuthorId);
        }
        catch (OperationException)
        {
            return null;
        }
    }
}
