using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Audit;
using Proeftuin.Data;
using Proeftuin.Data.Audit;

namespace Proeftuin.Web.Infrastructure.Audit;

/// <summary>
/// Audit entries written in the background, for callers on a hot path (the first edit of an author in a sitting is
/// logged while they type): <see cref="Enqueue"/> returns at once, this service appends in batches and drains what is
/// left when the app stops. An entry that names a meeting but no wijk gets the meeting's wijk here, off the hot path.
/// </summary>
public sealed class AuditQueue(AuditWriter writer, IDbContextFactory<ProeftuinDbContext> contexts, ILogger<AuditQueue> logger) : BackgroundService
{
    private readonly Channel<(AuditEntry Entry, Guid? MeetingId)> _queue =
        Channel.CreateUnbounded<(AuditEntry, Guid?)>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(AuditEntry entry, Guid? meetingId = null) => _queue.Writer.TryWrite((entry, meetingId));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken for reading: after stop the queue is completed and drained, so nothing queued is lost.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var batch = new List<(AuditEntry Entry, Guid? MeetingId)>();
            while (batch.Count < 100 && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await FillNeighbourhoodAsync(batch);
                await writer.AppendAllAsync([.. batch.Select(b => b.Entry)], CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Count} auditregels konden niet worden geschreven", batch.Count);
            }
        }
    }

    private async Task FillNeighbourhoodAsync(List<(AuditEntry Entry, Guid? MeetingId)> batch)
    {
        var meetingIds = batch.Where(b => b.Entry.NeighbourhoodId is null && b.MeetingId is not null).Select(b => b.MeetingId!.Value).Distinct().ToList();
        if (meetingIds.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var neighbourhoods = await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.NeighbourhoodId);
        foreach (var (entry, meetingId) in batch)
        {
            if (entry.NeighbourhoodId is null && meetingId is { } id && neighbourhoods.TryGetValue(id, out var neighbourhood))
            {
                entry.NeighbourhoodId = neighbourhood;
            }
        }
    }
}
