using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Anonymization;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Re-checks an edited verslag for identifying details and tells the room when its findings appear or disappear (a case
/// text is re-checked once for the case page and every room by the case preparation's edit relay, on the
/// same delay; checking it here as well scanned every typed case text twice). Not on every keystroke: after an edit the check runs once a short moment later, covering every edit made
/// meanwhile, so typing stays fast while a name typed in is still flagged well within a second.
/// </summary>
public sealed class FindingsMonitor(
    IServiceScopeFactory scopes,
    IHubContext<MeetingHub, IMeetingClient> hub,
    LiveDocuments documents,
    MinutesFindingInputs minutesInputs,
    CaseFindingInputs caseInputs,
    GuardedNames guarded,
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

    /// <summary>
    /// Judges the verslag as <see cref="TextGuard.CheckMinutesAsync"/> does, with its inputs (the agenda, the generated
    /// text, each agenda case's guarded names and dismissals) from the caches instead of four queries per check.
    /// </summary>
    private async Task CheckAsync(Guid meetingId, DocumentSession session)
    {
        var (text, revision) = await session.SnapshotAsync(CancellationToken.None);
        var meeting = await minutesInputs.GetAsync(meetingId, ct => ReadMinutesInputsAsync(meetingId, ct), CancellationToken.None);
        var agendaCases = new List<CaseFindingInputsEntry>(meeting.AgendaCases.Count);
        foreach (var caseId in meeting.AgendaCases)
        {
            agendaCases.Add(await caseInputs.GetAsync(caseId, ct => ReadCaseInputsAsync(caseId, ct), CancellationToken.None));
        }

        var verdict = TextGuard.CheckMinutes(guarded, text, meeting.GeneratedText, agendaCases);
        IReadOnlyList<FindingDto> findings = [.. verdict.Findings.Select(FindingDto.From)];

        if (documents.FindingsChanged(session.DocumentId, findings.Select(f => (f.Start, f.End, f.Category))))
        {
            await hub.Clients.Group(MeetingHub.Group(meetingId)).FindingsChanged(new FindingsBroadcast(session.DocumentId, revision, findings));
        }
    }

    private async Task<MinutesFindingInputsEntry> ReadMinutesInputsAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var caseIds = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.CaseFileId).ToListAsync(cancellationToken);
        var generated = await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).Select(m => m.GeneratedText).FirstOrDefaultAsync(cancellationToken);
        return new(caseIds, generated);
    }

    private async Task<CaseFindingInputsEntry> ReadCaseInputsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpenFindings>().InputsAsync(caseId, cancellationToken);
    }
}
