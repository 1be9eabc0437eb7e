using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.LoadTest;

/// <summary>One load run: set up rooms and clients, type, measure, settle, verify.</summary>
public sealed class LoadRun(LoadOptions options, TextWriter log)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public async Task<LoadResult> RunAsync()
    {
        await using var cluster = options.StartServer ? await AppCluster.StartAsync(options, log) : null;
        IReadOnlyList<Uri> urls = cluster is null ? options.Urls : [cluster.Url];
        var sessions = await DemoSessions.LoginAsync(urls[0], options.Neighbourhood);
        var meetings = await sessions.PlanRoomsAsync(options.Rooms);
        await log.WriteLineAsync($"{sessions.Members.Count} demo members logged in, {meetings.Count} rooms planned");

        var recorder = new LatencyRecorder();
        var participants = await ConnectAsync(urls, sessions, meetings, recorder);
        var initialLengths = participants.GroupBy(p => p.Room).ToDictionary(g => g.Key, g => g.First().Client.Document.Text.Length);
        await log.WriteLineAsync($"{participants.Count} clients joined");

        var (cpuPerOp, killed) = await TypeAsync(participants, recorder, cluster);
        await SettleAsync(participants);

        var diverged = await DivergedRoomsAsync(urls[0], sessions, meetings, participants, initialLengths);
        var clientsPerRoom = participants.GroupBy(p => p.Room).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Id)]);
        var missingArrivals = recorder.MissingArrivals(clientsPerRoom);
        var latencies = recorder.LatenciesInWindow();
        var refusals = participants.Sum(p => p.Client.Refusals.Count);
        var gaps = participants.Sum(p => p.Client.GapsRepaired);
        foreach (var code in participants.SelectMany(p => p.Client.Refusals).GroupBy(c => c))
        {
            await log.WriteLineAsync($"refused: {code.Key} × {code.Count()}");
        }

        await log.WriteLineAsync($"missing arrivals {missingArrivals}, characters missing from server texts {diverged.MissingCharacters}, refused submissions {refusals}, broadcast gaps repaired from the log {gaps}{(killed ? ", a node was killed" : string.Empty)}");
        var pids = Pids(cluster);
        var result = new LoadResult(
            participants.Count,
            recorder.OperationsInWindow,
            Round(LatencyRecorder.Percentile(latencies, 50)),
            Round(LatencyRecorder.Percentile(latencies, 95)),
            Round(LatencyRecorder.Percentile(latencies, 99)),
            Round(latencies.Count == 0 ? 0 : latencies[^1]),
            missingArrivals + diverged.MissingCharacters + refusals,
            diverged.Rooms,
            cpuPerOp is null ? null : Round(cpuPerOp.Value),
            pids.Count == 0 ? null : Round(pids.Max(ProcessStats.PeakRssMegabytes)));
        foreach (var participant in participants)
        {
            await participant.Client.Connection.DisposeAsync();
        }

        return result;
    }

    private async Task<List<Participant>> ConnectAsync(IReadOnlyList<Uri> urls, DemoSessions sessions, IReadOnlyList<Guid> meetings, LatencyRecorder recorder)
    {
        var participants = new List<Participant>();
        using var gate = new SemaphoreSlim(16);
        var joins = new List<Task>();
        for (var room = 0; room < meetings.Count; room++)
        {
            for (var index = 0; index < options.Clients; index++)
            {
                var (r, c) = (room, index);
                await gate.WaitAsync();
                joins.Add(Task.Run(async () =>
                {
                    try
                    {
                        var participant = await JoinAsync(urls[((r * options.Clients) + c) % urls.Count], sessions.Members[c % sessions.Members.Count].Cookies, meetings[r], r, $"r{r}c{c}", recorder);
                        lock (participants)
                        {
                            participants.Add(participant);
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
        }

        await Task.WhenAll(joins);
        return participants;
    }

    private async Task<Participant> JoinAsync(Uri url, System.Net.CookieContainer cookies, Guid meetingId, int room, string id, LatencyRecorder recorder)
    {
        var connection = Connect(url, cookies);
        await connection.StartAsync();
        var client = new LiveDocumentClient(connection, id)
        {
            Sent = (seq, timestamp) => recorder.Sent(room, id, seq, timestamp),
            Received = operation => recorder.Received(room, operation.ClientId, operation.ClientSeq, id),
        };
        connection.Reconnected += async _ =>
        {
            try
            {
                await client.ResyncAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or HubException or IOException)
            {
                await log.WriteLineAsync($"{id}: resync failed: {ex.Message}");
            }
        };
        await client.JoinAsync(meetingId);
        return new Participant(room, id, client);
    }

    private HubConnection Connect(Uri url, System.Net.CookieContainer cookies)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(url, MeetingHub.Path), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .WithAutomaticReconnect(new KeepTrying());
        if (options.MessagePack)
        {
            builder.AddMessagePackProtocol(o => o.SerializerOptions = MeetingProtocol.MessagePackOptions);
        }

        return builder.Build();
    }

    /// <summary>The server processes to measure: the nodes the tool started, or the one given by --server-pid.</summary>
    private List<int> Pids(AppCluster? cluster) =>
        cluster is not null ? [.. cluster.RunningPids] : options.ServerPid is { } pid ? [pid] : [];

    /// <summary>
    /// Every client types on its own schedule; the measuring window opens after the warm-up. With --kill-after the
    /// first node is killed (SIGKILL) mid-run: a single node is started again on the same data, with several nodes its
    /// clients reconnect to the others. Returns the servers' CPU µs per operation (unless a node was killed).
    /// </summary>
    private async Task<(double? CpuPerOp, bool Killed)> TypeAsync(List<Participant> participants, LatencyRecorder recorder, AppCluster? cluster)
    {
        var start = Stopwatch.GetTimestamp();
        var total = options.WarmUp + options.Duration;
        var period = TimeSpan.FromSeconds(1 / options.Rate);
        var typing = Task.Run(() => TypeAllAsync(participants, start, total, period));
        var killed = false;
        var killing = options.KillAfter is { } killAfter && cluster is not null
            ? Task.Run(async () =>
            {
                await Task.Delay(killAfter);
                var node = cluster.Nodes[0];
                node.Kill();
                killed = true;
                await log.WriteLineAsync($"node killed (SIGKILL) after {killAfter.TotalSeconds} s");
                if (cluster.Nodes.Count == 1)
                {
                    await node.RestartAsync(log);
                }
            })
            : Task.CompletedTask;

        await Task.Delay(options.WarmUp);
        recorder.OpenWindow();
        var cpuBefore = Pids(cluster).Sum(ProcessStats.CpuMicroseconds);
        await log.WriteLineAsync($"warm-up done; measuring for {options.Duration.TotalSeconds} s");
        await Task.Delay(options.Duration);
        recorder.CloseWindow();
        var cpuAfter = killed ? 0 : Pids(cluster).Sum(ProcessStats.CpuMicroseconds);
        await typing;
        await killing;
        var ops = recorder.OperationsInWindow;
        return (Pids(cluster).Count == 0 || ops == 0 || killed ? null : (cpuAfter - cpuBefore) / ops, killed);
    }

    /// <summary>
    /// One loop types for every client (not a task and a timer per client): the tool must not take the CPU the server
    /// needs. Each client keeps its own schedule, <paramref name="period"/> apart from a random start; a client whose
    /// submission is in flight folds the new character into its next one, as a browser does.
    /// </summary>
    private static async Task TypeAllAsync(List<Participant> participants, long start, TimeSpan total, TimeSpan period)
    {
        var due = new PriorityQueue<(Participant Participant, Random Random), TimeSpan>();
        var inFlight = new List<Task>();
        for (var i = 0; i < participants.Count; i++)
        {
            var random = new Random(i);
            participants[i].Typed = 0;
            due.Enqueue((participants[i], random), period * random.NextDouble());
        }

        while (due.TryPeek(out _, out var next) && next < total)
        {
            // Never spin for the next due time: the tool's core is the clients' receive loops. A wait under the
            // timer's millisecond is rounded up, which moves a keystroke, not a measured latency (taken from the send).
            var wait = next - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait);
            }

            while (due.TryPeek(out _, out var at) && at <= Stopwatch.GetElapsedTime(start) && at < total)
            {
                var (participant, random) = due.Dequeue();
                var length = participant.Client.Document.Text.Length;
                var typed = participant.Client.TypeAsync(random.Next(length + 1), Letters[random.Next(Letters.Length)].ToString());
                participant.Typed++;
                if (typed.IsCompleted)
                {
                    await typed; // surfaces a failure at once
                }
                else
                {
                    inFlight.Add(typed);
                }

                due.Enqueue((participant, random), at + period);
            }

            if (inFlight.Count > 4 * participants.Count)
            {
                foreach (var failed in inFlight.Where(t => t.IsFaulted).ToList())
                {
                    await failed;
                }

                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SettleAsync(List<Participant> participants)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(120) && participants.Any(p => !p.Client.IsSynchronized || p.Client.Connection.State != HubConnectionState.Connected))
        {
            await Task.Delay(100);
        }

        // Let the last broadcasts reach everyone.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await log.WriteLineAsync($"settled after {stopwatch.Elapsed.TotalSeconds:F1} s");
        foreach (var stuck in participants.Where(p => !p.Client.IsSynchronized || p.Client.Connection.State != HubConnectionState.Connected))
        {
            await log.WriteLineAsync($"{stuck.Id}: {stuck.Client.Document.State} at revision {stuck.Client.Document.Revision}, connection {stuck.Client.Connection.State}");
        }
    }

    /// <summary>A fresh connection per room reads the server's text; every client must hold exactly that, with every character typed.</summary>
    private static async Task<(int Rooms, long MissingCharacters)> DivergedRoomsAsync(
        Uri url, DemoSessions sessions, IReadOnlyList<Guid> meetings, List<Participant> participants, Dictionary<int, int> initialLengths)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(url, MeetingHub.Path), o => o.Cookies = sessions.Members[0].Cookies)
            .Build();
        await connection.StartAsync();
        var diverged = 0;
        long missing = 0;
        for (var room = 0; room < meetings.Count; room++)
        {
            var snapshot = await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetings[room]);
            var serverText = snapshot.Value!.Documents[0].Text;
            var inRoom = participants.Where(p => p.Room == room).ToList();
            if (inRoom.Any(p => p.Client.Document.Text != serverText))
            {
                diverged++;
            }

            missing += Math.Max(0, initialLengths[room] + inRoom.Sum(p => p.Typed) - serverText.Length);
            await connection.InvokeAsync<HubResult<bool>>(nameof(MeetingHub.LeaveMeeting));
        }

        await connection.DisposeAsync();
        return (diverged, missing);
    }

    private static double Round(double value) => Math.Round(value, 2);

    private sealed class Participant(int room, string id, LiveDocumentClient client)
    {
        public int Room { get; } = room;

        public string Id { get; } = id;

        public LiveDocumentClient Client { get; } = client;

        public int Typed { get; set; }
    }

    /// <summary>Reconnect every half second for two minutes: long enough for a killed server to come back.</summary>
    private sealed class KeepTrying : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime < TimeSpan.FromMinutes(2) ? TimeSpan.FromMilliseconds(500) : null;
    }
}
