using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Proeftuin.Data.Collaboration;

/// <summary>
/// Group commit of op-log appends for SQLite. SQLite has one writer at a time and each commit waits for the disk;
/// under many busy rooms the appends queue up anyway, so one writer takes everything waiting and commits it in one
/// transaction: one disk flush for many operations, each still durable before its client is acknowledged.
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
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await WriteAsync(factory, batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One record conflicts (another node wrote that revision): write them one by one so each gets its own outcome.
                foreach (var single in batch)
                {
                    await WriteOneAsync(factory, single);
                }
            }
            catch (Exception ex)
            {
                batch.ForEach(p => p.Done.TrySetException(ex));
            }
        }
    }

    private static async Task WriteOneAsync(IDbContextFactory<ProeftuinDbContext> factory, Pending pending)
    {
        try
        {
            await WriteAsync(factory, [pending]);
            pending.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
        }
    }

    private static async Task WriteAsync(IDbContextFactory<ProeftuinDbContext> factory, IReadOnlyCollection<Pending> batch)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Set<DocumentOperationRecord>().AddRange(batch.Select(p => p.Record));
        await db.SaveChangesAsync();
    }

    private sealed record Pending(DocumentOperationRecord Record, TaskCompletionSource Done);
}
