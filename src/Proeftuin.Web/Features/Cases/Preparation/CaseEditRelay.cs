using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Infrastructure.Anonymization;

namespace Proeftuin.Web.Features.Cases.Preparation;

/// <summary>
/// Keeps the case page and the meeting rooms of one case text in step. Both edit the one <see cref="DocumentSession"/>
/// of <see cref="LiveDocuments"/> (one op log, one revision sequence); this relay carries each applied edit to the side
/// that did not send it — a meeting room's edit to the case page, a case page's edit to every open meeting with the
/// case on its agenda — and re-checks the text's anonymisation findings for the case page (debounced like
/// <see cref="FindingsMonitor"/>, off the typing path).
/// </summary>
public sealed class CaseEditRelay(
    LiveDocuments documents,
    IHubContext<CaseHub, ICaseClient> caseHub,
    IHubContext<MeetingHub, IMeetingClient> meetingHub,
    IServiceScopeFactory scopes,
    CaseFindingInputs inputsCache,
    CaseOpenMeetings openMeetings,
    GuardedNames guarded,
    TimeProvider time,
    ILogger<CaseEditRelay> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, byte> _scheduled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastFindings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CheckedState> _lastChecked = new(StringComparer.Ordinal);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        documents.Applied += OnApplied;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        documents.Applied -= OnApplied;
        return Task.CompletedTask;
    }

    /// <summary>After a guarded name or a dismissal changed what counts as a finding: check now and tell both sides.</summary>
    public async Task RecheckAsync(Guid caseId, CancellationToken cancellationToken)
    {
        // Also after a bulk replace of the guarded names, which no save interceptor sees.
        inputsCache.Forget(caseId);
        var session = await documents.GetAsync(DocumentId.ForCase(caseId), () => CaseTextAsync(caseId), cancellationToken);
        await CheckAsync(caseId, session, force: true);
    }

    private void OnApplied(LiveEdit edit)
    {
        if (!DocumentId.TryParse(edit.Session.DocumentId, out var document) || document.Kind != DocumentKind.Case)
        {
            return;
        }

        _ = Guarded(() => RelayAsync(document.Id, edit), edit.Session.DocumentId);
        ScheduleCheck(document.Id, edit.Session);
    }

    private async Task RelayAsync(Guid caseId, LiveEdit edit)
    {
        // The case page's own hub already told the others on the page; a room's edit or a restore reaches it here.
        if (edit.Origin != EditOrigin.CasePage)
        {
            await caseHub.Clients.Group(CaseHub.Group(caseId)).OperationApplied(edit.Broadcast);
        }

        if (edit.Origin == EditOrigin.MeetingRoom)
        {
            return;
        }

        // Into each room's batch, in order with the room's own edits.
        foreach (var meetingId in await OpenMeetingsAsync(caseId))
        {
            documents.Broadcast(meetingId, edit.Broadcast);
        }
    }

    private void ScheduleCheck(Guid caseId, DocumentSession session)
    {
        if (!_scheduled.TryAdd(session.DocumentId, 0))
        {
            return;
        }

        var wait = Task.Delay(FindingsMonitor.Delay, time);
        _ = Guarded(async () =>
        {
            await wait;
            _scheduled.TryRemove(session.DocumentId, out _);
            await CheckAsync(caseId, session, force: false);
        }, session.DocumentId);
    }

    /// <summary>
    /// One check per case text, whichever side typed (the case page or a meeting room): the rooms get the findings from
    /// here too. The case's guarded names and dismissals come from <see cref="CaseFindingInputs"/>, and a text whose
    /// revision and inputs were already checked is not scanned again.
    /// </summary>
    private async Task CheckAsync(Guid caseId, DocumentSession session, bool force)
    {
        var (text, revision) = await session.SnapshotAsync(CancellationToken.None);
        var inputs = await inputsCache.GetAsync(caseId, ct => ReadInputsAsync(caseId, ct), CancellationToken.None);
        var checkedNow = new CheckedState(revision, inputs);
        if (!force && _lastChecked.TryGetValue(session.DocumentId, out var previous) && previous == checkedNow)
        {
            return;
        }

        _lastChecked[session.DocumentId] = checkedNow;
        var open = OpenFindings.Open(guarded, text, inputs);
        IReadOnlyList<FindingDto> findings = [.. open.Select(f => FindingDto.From(f, text))];
        var key = string.Join(';', findings.Select(f => $"{f.Start}-{f.End}-{f.Category}"));
        var changed = !_lastFindings.TryGetValue(session.DocumentId, out var last) || last != key;
        _lastFindings[session.DocumentId] = key;
        if (!changed && !force)
        {
            return;
        }

        var broadcast = new FindingsBroadcast(session.DocumentId, revision, findings);
        await caseHub.Clients.Group(CaseHub.Group(caseId)).FindingsChanged(broadcast);
        if (await OpenMeetingsAsync(caseId) is { Count: > 0 } meetings)
        {
            await meetingHub.Clients.Groups([.. meetings.Select(MeetingHub.Group)]).FindingsChanged(broadcast);
        }
    }

    private async Task<CaseFindingInputsEntry> ReadInputsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpenFindings>().InputsAsync(caseId, cancellationToken);
    }

    /// <summary>The rooms of the planned and live meetings that have the case on their agenda.</summary>
    private Task<IReadOnlyList<Guid>> OpenMeetingsAsync(Guid caseId) =>
        openMeetings.GetAsync(caseId, _ => ReadOpenMeetingsAsync(caseId), CancellationToken.None).AsTask();

    private async Task<IReadOnlyList<Guid>> ReadOpenMeetingsAsync(Guid caseId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status != MeetingStatus.Closed && m.Agenda.Any(a => a.CaseFileId == caseId))
            .Select(m => m.Id)
            .ToListAsync();
        return meetings;
    }

    private async Task<string> CaseTextAsync(Guid caseId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().CaseFiles.AsNoTracking()
            .Where(c => c.Id == caseId).Select(c => c.Text).FirstAsync();
    }

    /// <summary>The revision last scanned and the inputs it was scanned under (compared by reference: a reload is a new object).</summary>
    private sealed record CheckedState(long Revision, CaseFindingInputsEntry Inputs);

    private async Task Guarded(Func<Task> work, string documentId)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Only the document id: never a case text in a log.
            logger.LogWarning(ex, "Relaying an edit or the findings of document {DocumentId} failed", documentId);
        }
    }
}
