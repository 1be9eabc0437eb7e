using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Core.Collaboration;
using Proeftuin.Web.Features.Cases.Preparation;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Testing.Live;

/// <summary>
/// A .NET participant co-editing the first document of a meeting, with the same client state machine as the browser:
/// local edits apply at once, one submission is in flight at a time, server events are put in revision order. It
/// handles the room's batches: another client's operation is applied, its own operation in a batch is its ack (ADR 0028),
/// whichever of that and the hub method's answer comes first. It survives a lost connection: edits made meanwhile are kept, and <see cref="ResyncAsync"/> rejoins, catches up from
/// the durable log and resubmits what was not acknowledged (with the same sequence number, so it applies once).
/// </summary>
public sealed class LiveDocumentClient(HubConnection connection, string clientId)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<OperationBroadcast> _heldDuringResync = [];
    private readonly object _signalGate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RevisionInbox _inbox = null!;
    private bool _resyncing;
    private bool _sending;
    private Guid _meetingId;
    private Guid? _caseId;
    private int _gapsRepaired;
    private TaskCompletionSource<PendingOperation?>? _ackWaiter;

    /// <summary>How long an acknowledged revision may wait for earlier ones before the client fetches them itself.</summary>
    public static TimeSpan AckGapTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a missing broadcast had to be fetched from the log (0 in a healthy run).</summary>
    public int GapsRepaired => _gapsRepaired;

    public HubConnection Connection => connection;

    public string ClientId => clientId;

    public ClientDocument Document { get; private set; } = null!;

    public string DocumentId { get; private set; } = string.Empty;

    /// <summary>Called when a submission leaves (client sequence number, <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public Action<long, long>? Sent { get; set; }

    /// <summary>Called for every operation of another client as it is applied, in revision order.</summary>
    public Action<OperationBroadcast>? Received { get; set; }

    /// <summary>Submissions the server refused (the error code), which a correct client never causes.</summary>
    public List<string> Refusals { get; } = [];

    public bool IsSynchronized => Document.State == ClientState.Synchronized && !_sending;

    /// <summary>Joins and follows <paramref name="documentId"/> (by default the first document of the meeting).</summary>
    public async Task JoinAsync(Guid meetingId, string? documentId = null)
    {
        _meetingId = meetingId;
        var snapshot = await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        if (!snapshot.Ok)
        {
            throw new InvalidOperationException($"{clientId} could not join: {snapshot.Error!.Code} {snapshot.Error.Message}");
        }

        var state = documentId is null ? snapshot.Value!.Documents[0] : snapshot.Value!.Documents.Single(d => d.DocumentId == documentId);
        DocumentId = state.DocumentId;
        Document = new ClientDocument(clientId, state.Text, state.Revision);
        _inbox = new RevisionInbox(state.Revision);
        connection.On<OperationBatch>(nameof(IMeetingClient.OperationsApplied), OnBatchAsync);
    }

    /// <summary>Joins the case page's preparation of <paramref name="caseId"/> (<see cref="CaseHub"/>) and follows its text.</summary>
    public async Task JoinCaseAsync(Guid caseId)
    {
        _caseId = caseId;
        var snapshot = await connection.InvokeAsync<HubResult<CaseSnapshot>>(nameof(CaseHub.JoinCase), caseId);
        if (!snapshot.Ok)
        {
            throw new InvalidOperationException($"{clientId} could not join the case: {snapshot.Error!.Code} {snapshot.Error.Message}");
        }

        var state = snapshot.Value!.Document;
        DocumentId = state.DocumentId;
        Document = new ClientDocument(clientId, state.Text, state.Revision);
        _inbox = new RevisionInbox(state.Revision);
        connection.On<OperationBroadcast>(nameof(ICaseClient.OperationApplied), OnBroadcastAsync);
    }

    /// <summary>Types <paramref name="text"/> at <paramref name="index"/> (clamped to the text) and submits when nothing is in flight.</summary>
    public async Task TypeAsync(int index, string text)
    {
        PendingOperation? send;
        await _lock.WaitAsync();
        try
        {
            var at = Math.Clamp(index, 0, Document.Text.Length);
            send = Document.ApplyLocal(TextOperation.InsertAt(Document.Text.Length, at, text));
            _sending |= send is not null;
        }
        finally
        {
            _lock.Release();
        }

        if (send is not null)
        {
            await SendAsync(send);
        }
    }

    /// <summary>Waits until every local edit of this client is acknowledged (no fixed settle time).</summary>
    public Task WaitUntilSynchronizedAsync(TimeSpan? timeout = null) => ConvergeAsync([this], timeout);

    /// <summary>
    /// Waits until every one of <paramref name="clients"/> has all its edits acknowledged and all of them stand at the
    /// same revision. When the clients made every edit between them, that is the moment they hold the same text; the
    /// wait ends as soon as it is reached, on an idle or a loaded machine alike. A refused submission fails at once.
    /// </summary>
    public static async Task ConvergeAsync(IReadOnlyList<LiveDocumentClient> clients, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Eventually.DefaultTimeout;
        using var cancel = new CancellationTokenSource(limit);
        while (true)
        {
            var changes = clients.Select(c => c.NextChange()).ToList();
            var states = new List<(bool Synchronized, long Revision)>();
            foreach (var client in clients)
            {
                states.Add(await client.StateAsync());
                lock (client.Refusals)
                {
                    if (client.Refusals.Count > 0)
                    {
                        throw new InvalidOperationException($"{client.ClientId}'s submission was refused: {string.Join(", ", client.Refusals)}");
                    }
                }
            }

            if (states.All(s => s.Synchronized) && states.Select(s => s.Revision).Distinct().Count() == 1)
            {
                return;
            }

            try
            {
                await Task.WhenAny(changes).WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"The clients did not converge within {limit.TotalSeconds:0} s: {string.Join(", ", clients.Zip(states, (c, s) => $"{c.ClientId} r{s.Revision}{(s.Synchronized ? "" : " pending")}"))}");
            }
        }
    }

    private async Task<(bool Synchronized, long Revision)> StateAsync()
    {
        await _lock.WaitAsync();
        try
        {
            return (IsSynchronized, Document.Revision);
        }
        finally
        {
            _lock.Release();
        }
    }

    private Task NextChange()
    {
        lock (_signalGate)
        {
            return _changed.Task;
        }
    }

    /// <summary>Wakes whoever waits in <see cref="ConvergeAsync"/>: an ack, a broadcast, a resync or a refusal changed the state.</summary>
    private void Pulse()
    {
        TaskCompletionSource changed;
        lock (_signalGate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    /// <summary>
    /// After the connection came back (or was replaced): join again, apply what was missed, resubmit what is pending.
    /// Broadcasts that arrive meanwhile are held and replayed in order afterwards.
    /// </summary>
    public Task ResyncAsync() => ResyncAsync(rejoin: true);

    private async Task ResyncAsync(bool rejoin)
    {
        PendingOperation? resend;
        await _lock.WaitAsync();
        try
        {
            _resyncing = true;
        }
        finally
        {
            _lock.Release();
        }

        var join = !rejoin ? HubResult<bool>.Success(true)
            : _caseId is { } caseId ? Joined(await connection.InvokeAsync<HubResult<CaseSnapshot>>(nameof(CaseHub.JoinCase), caseId))
            : Joined(await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), _meetingId));
        var missed = await connection.InvokeAsync<HubResult<IReadOnlyList<OperationBroadcast>>>(nameof(MeetingHub.CatchUp), DocumentId, Document.Revision);
        if (!join.Ok || !missed.Ok)
        {
            throw new InvalidOperationException($"{clientId} could not resync: {(join.Error ?? missed.Error)!.Message}");
        }

        await _lock.WaitAsync();
        try
        {
            foreach (var operation in missed.Value!.Where(o => o.ClientId != clientId))
            {
                Received?.Invoke(operation);
            }

            resend = Document.Resync(missed.Value!.Select(o => new AppliedOperation(o.DocumentId, o.Revision, o.Operation, o.ClientId, o.ClientSeq, DateTime.UtcNow)));
            _inbox = new RevisionInbox(Document.Revision);
            _resyncing = false;
            _sending = resend is not null;
            foreach (var held in _heldDuringResync.OrderBy(b => b.Revision))
            {
                DeliverLocked(held);
            }

            _heldDuringResync.Clear();
        }
        finally
        {
            _lock.Release();
            Pulse();
        }

        if (resend is not null)
        {
            await SendAsync(resend);
        }
    }

    private static HubResult<bool> Joined<T>(HubResult<T> result) => result.Ok ? HubResult<bool>.Success(true) : new HubResult<bool>(false, false, result.Error);

    /// <summary>The case hub sends its operations one by one; the room sends them in batches.</summary>
    private Task OnBroadcastAsync(OperationBroadcast broadcast) => OnBatchAsync(new OperationBatch([broadcast]));

    private async Task OnBatchAsync(OperationBatch batch)
    {
        await _lock.WaitAsync();
        try
        {
            foreach (var broadcast in batch.Operations)
            {
                if (broadcast.DocumentId != DocumentId)
                {
                    continue;
                }

                if (_resyncing)
                {
                    _heldDuringResync.Add(broadcast);
                    continue;
                }

                DeliverLocked(broadcast);
            }
        }
        finally
        {
            _lock.Release();
            Pulse();
        }
    }

    /// <summary>In revision order: our own submission in flight is acked (as in a resync), anything else is applied.</summary>
    private void DeliverLocked(OperationBroadcast broadcast) =>
        _inbox.Deliver(broadcast.Revision, () =>
        {
            if (broadcast.ClientId == clientId && Document.Awaiting is { } awaiting && awaiting.ClientSeq == broadcast.ClientSeq)
            {
                AcknowledgeLocked(broadcast.Revision);
                return;
            }

            Received?.Invoke(broadcast);
            Document.ApplyServer(broadcast.Operation, broadcast.Revision);
        });

    /// <summary>The submission in flight is applied at <paramref name="revision"/>: the next one (if any) may go.</summary>
    private void AcknowledgeLocked(long revision)
    {
        var next = Document.Acknowledge(revision);
        _sending = next is not null;
        _ackWaiter?.TrySetResult(next);
        _ackWaiter = null;
    }

    private async Task SendAsync(PendingOperation pending)
    {
        while (true)
        {
            var acked = new TaskCompletionSource<PendingOperation?>(TaskCreationOptions.RunContinuationsAsynchronously);
            await _lock.WaitAsync();
            try
            {
                _ackWaiter = acked;
            }
            finally
            {
                _lock.Release();
            }

            Sent?.Invoke(pending.ClientSeq, System.Diagnostics.Stopwatch.GetTimestamp());
            HubResult<SubmitAck> ack;
            try
            {
                ack = await connection.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
                    new SubmitRequest(DocumentId, pending.BaseRevision, pending.Operation, clientId, pending.ClientSeq));
            }
            catch (Exception ex) when (ex is HubException or InvalidOperationException or IOException or TaskCanceledException or System.Net.WebSockets.WebSocketException or System.Net.Http.HttpRequestException)
            {
                // The connection dropped with the submission in flight: it stays pending and the resync resubmits it.
                return;
            }

            if (!ack.Ok && ack.Error!.Code is "document.busy" or "rate.limited")
            {
                // Nothing was applied: wait a moment, catch up and send again (same sequence number).
                await Task.Delay(200);
                await ResyncAsync(rejoin: false);
                return;
            }

            if (!ack.Ok)
            {
                lock (Refusals)
                {
                    Refusals.Add(ack.Error!.Code);
                }

                Pulse();

                return;
            }

            PendingOperation? next;
            await _lock.WaitAsync();
            try
            {
                // The ack may overtake broadcasts of earlier revisions: the inbox applies those first. When the batch
                // with our own operation came first, the inbox already passed this revision and drops the answer.
                _inbox.Deliver(ack.Value!.Revision, () => AcknowledgeLocked(ack.Value.Revision));
            }
            finally
            {
                _lock.Release();
                Pulse();
            }

            try
            {
                next = await acked.Task.WaitAsync(AckGapTimeout);
            }
            catch (TimeoutException) when (connection.State != HubConnectionState.Connected)
            {
                // The earlier revisions never came because the connection dropped; the resync settles this submission.
                return;
            }
            catch (TimeoutException)
            {
                // Connected, yet an earlier revision never arrived: fill the gap from the server's durable log.
                Interlocked.Increment(ref _gapsRepaired);
                await ResyncAsync(rejoin: false);
                return;
            }

            if (next is null)
            {
                return;
            }

            pending = next;
        }
    }
}
