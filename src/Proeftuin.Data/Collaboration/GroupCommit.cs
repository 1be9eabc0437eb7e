using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Proeftuin.Data.Collaboration;

/// <summary>
/// Group commit of op-log appends for SQLite. SQLite has one writer at a time and each commit waits for the disk;
/// under many busy rooms the appends queue up anyway, so one writer takes everything waiting and commits it in one
/// transaction: one disk flush for many operations, each still durable before its client is acknowledged. The writer
/// keeps one connection open with one prepared INSERT, so an append costs a bind and a step, without EF's change
/// tracker or SQL generation (the op log is the hottest write of the app).
/// </summary>
internal sealed class GroupCommit(IDbContextFactory<ProeftuinDbContext> contexts)
{
    private const int MaxBatch = 512;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;

    /// <summary>Completes when the record is committed; fails with the database's error for this record alone.</summary>
    public Task AppendAsync(DocumentOperationRecord record)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(pending);
        if (_writer is null)
        {
            lock (_queue)
            {
                _writer ??= Task.Run(() => RunAsync(contexts));
            }
        }

        // Not cancellable on purpose: once queued the record may be written, and the caller must learn the outcome.
        return pending.Done.Task;
    }

    private async Task RunAsync(IDbContextFactory<ProeftuinDbContext> factory)
    {
        var batch = new List<Pending>(MaxBatch);
        await using var writer = new Writer(factory);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await writer.WriteAsync(batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One record conflicts (another node wrote that revision): write them one by one so each gets its own outcome.
                foreach (var single in batch)
                {
                    await WriteOneAsync(writer, single);
                }
            }
            catch (Exception ex)
            {
                batch.ForEach(p => p.Done.TrySetException(ex));
            }
        }
    }

    private static async Task WriteOneAsync(Writer writer, Pending pending)
    {
        try
        {
            await writer.WriteAsync([pending]);
            pending.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    /// <summary>
    /// The writer's connection (opened through a DbContext, so it is configured as every other) and its prepared
    /// INSERT; re-opened after a failure. Values are bound in the forms EF Core's SQLite provider stores and reads:
    /// a Guid as upper-case text, a DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
    /// </summary>
    private sealed class Writer(IDbContextFactory<ProeftuinDbContext> factory) : IAsyncDisposable
    {
        private ProeftuinDbContext? _db;
        private SqliteCommand? _insert;

        public async Task WriteAsync(IReadOnlyList<Pending> batch)
        {
            var insert = await InsertAsync();
            try
            {
                await using var transaction = (SqliteTransaction)await insert.Connection!.BeginTransactionAsync();
                insert.Transaction = transaction;
                foreach (var pending in batch)
                {
                    Bind(insert, pending.Record);
                    await insert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
            catch (SqliteException ex)
            {
                await ResetAsync();
                // The same exception EF Core would raise, so the store tells a lost race (the key exists) from a failure.
                throw new DbUpdateException(ex.Message, ex);
            }
            finally
            {
                if (_insert is not null)
                {
                    _insert.Transaction = null;
                }
            }
        }

        public async ValueTask DisposeAsync() => await ResetAsync();

        private static void Bind(SqliteCommand insert, DocumentOperationRecord record)
        {
            var p = insert.Parameters;
            p[0].Value = record.DocumentId;
            p[1].Value = record.Revision;
            p[2].Value = record.Operation;
            p[3].Value = record.ClientId;
            p[4].Value = record.ClientSeq;
            p[5].Value = record.AuthorId is { } author ? author.ToString().ToUpperInvariant() : DBNull.Value;
            p[6].Value = record.AppliedAtUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        }

        private async Task<SqliteCommand> InsertAsync()
        {
            if (_insert is not null)
            {
                return _insert;
            }

            _db = await factory.CreateDbContextAsync();
            await _db.Database.OpenConnectionAsync();
            var insert = (SqliteCommand)_db.Database.GetDbConnection().CreateCommand();
            insert.CommandText = """
                INSERT INTO "DocumentOperations" ("DocumentId", "Revision", "Operation", "ClientId", "ClientSeq", "AuthorId", "AppliedAtUtc")
                VALUES ($documentId, $revision, $operation, $clientId, $clientSeq, $authorId, $appliedAtUtc)
                """;
            foreach (var name in (string[])["$documentId", "$revision", "$operation", "$clientId", "$clientSeq", "$authorId", "$appliedAtUtc"])
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            insert.Prepare();
            return _insert = insert;
        }

        private async Task ResetAsync()
        {
            if (_insert is not null)
            {
                await _insert.DisposeAsync();
                _insert = null;
            }

            if (_db is not null)
            {
                await _db.Database.CloseConnectionAsync();
                await _db.DisposeAsync();
                _db = null;
            }
        }
    }

    private sealed record Pending(DocumentOperationRecord Record, TaskCompletionSource Done);
}
