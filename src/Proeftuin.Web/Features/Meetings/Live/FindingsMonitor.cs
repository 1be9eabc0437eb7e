using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Re-checks an edited verslag for identifying details and tells the room when its findings appear or disappear (a case
/// text is re-checked once for the case page and every room by <see cref="Cases.Preparation.CaseEditRelay"/>, on the
/// same delay; checking it here as well scanned every typed case text twice). Not on every keystroke: after an edit the check runs once a short moment later, covering every edit made
/// meanwhile, so typing stays fast while a name typed in is still flagged well within a second.
/// </summary>
public sealed class FindingsMonitor(
    IServiceScopeFactory scopes,
    IHubContext<MeetingHub, IMeetingClient> hub,
    LiveDocuments documents,
    TimeProvider time,
    ILogger<FindingsMonitor> logger)
{
    private readonly ConcurrentDictionary<string, byte> _scheduled = new(StringComparer.Ordinal);

    public static TimeSpan Delay { get; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The meeting's verslag changed.</summary>
    public void MinutesChanged(Guid meetingId, DocumentSession session)
    {
        if (!_scheduled.TryAdd(session.DocumentId, 0))
        {
            return;
        }

        // The wait starts here, before the caller's ack goes out, on the app's clock: a test on a fake clock advances it
        // past the delay after the ack and the check runs, without a race and without waiting real time.
        var wait = Task.Delay(Delay, time);
        _ = Task.Run(async () =>
        {
            await wait;

            // Unmark first: an edit that lands during the check schedules the next one.
            _scheduled.TryRemove(session.DocumentId, out _);
            try
            {
                await CheckAsync(meetingId, session);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException or IOException)
            {
                logger.LogWarning(ex, "Anonymisation re-check of document {DocumentId} failed", session.DocumentId);
            }
        });
    }

    private async Task CheckAsync(Guid meetingId, DocumentSession session)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (text, revision) = await session.SnapshotAsync(CancellationToken.None);
        var verdict = await scope.ServiceProvider.GetRequiredService<TextGuard>().CheckMinutesAsync(meetingId, text, CancellationToken.None);
        IReadOnlyList<FindingDto> findings = [.. verdict.Findings.Select(FindingDto.From)];

        if (documents.FindingsChanged(session.DocumentId, findings.Select(f => (f.Start, f.End, f.Category))))
        {
            await hub.Clients.Group(MeetingHub.Group(meetingId)).FindingsChanged(new FindingsBroadcast(session.DocumentId, revision, findings));
        }
    }
}
