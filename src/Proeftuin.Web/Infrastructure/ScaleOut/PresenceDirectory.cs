using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Proeftuin.Web.Features.Meetings.Live;
using StackExchange.Redis;

namespace Proeftuin.Web.Infrastructure.ScaleOut;

/// <summary>
/// Who is in a room across nodes. Each node keeps its own connections in <see cref="Presence"/>; with Redis it also
/// writes them to one hash per meeting and keeps a heartbeat key alive. A join snapshot lists the participants of every
/// live node; the entries of a node whose heartbeat expired (killed, cut off) are swept, and the rooms hear that those
/// people left. Without Redis this is the local presence and nothing more.
/// </summary>
public sealed class PresenceDirectory(
    Presence local,
    IServiceProvider services,
    IHubContext<MeetingHub, IMeetingClient> hub,
    TimeProvider time,
    ILogger<PresenceDirectory> logger) : BackgroundService
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(10);
    private readonly string _node = Guid.NewGuid().ToString("N");
    private IDatabase? _redis;

    public async Task JoinedAsync(Guid meetingId, string connectionId, Participant participant)
    {
        if (await RedisAsync() is { } redis)
        {
            await redis.HashSetAsync(MeetingKey(meetingId), $"{_node}:{connectionId}", JsonSerializer.Serialize(participant));
            await redis.SetAddAsync(MeetingsKey, meetingId.ToString("N"));
        }
    }

    public async Task LeftAsync(Guid meetingId, string connectionId)
    {
        if (await RedisAsync() is { } redis)
        {
            await redis.HashDeleteAsync(MeetingKey(meetingId), $"{_node}:{connectionId}");
        }
    }

    /// <summary>Everyone in the room on any live node, once per person.</summary>
    public async Task<IReadOnlyList<Participant>> InAsync(Guid meetingId)
    {
        var here = local.In(meetingId);
        if (await RedisAsync() is not { } redis)
        {
            return here;
        }

        var elsewhere = new List<Participant>();
        foreach (var (node, participant) in await EntriesAsync(redis, meetingId))
        {
            if (node != _node && await redis.KeyExistsAsync(NodeKey(node)))
            {
                elsewhere.Add(participant);
            }
        }

        return [.. here.Concat(elsewhere).DistinctBy(p => p.UserId)];
    }

    /// <summary>True when <paramref name="userId"/> still has a connection in the room on any live node.</summary>
    public async Task<bool> StillPresentAsync(Guid meetingId, Guid userId) => (await InAsync(meetingId)).Any(p => p.UserId == userId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<RedisConnection>() is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Heartbeat, time);
        do
        {
            try
            {
                if (await RedisAsync() is { } redis)
                {
                    await redis.StringSetAsync(NodeKey(_node), "alive", NodeTimeout);
                    await SweepAsync(redis);
                }
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Presence heartbeat failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Removes the entries of dead nodes and tells the room who is gone for good.</summary>
    private async Task SweepAsync(IDatabase redis)
    {
        foreach (var meeting in await redis.SetMembersAsync(MeetingsKey))
        {
            var meetingId = Guid.ParseExact(meeting.ToString(), "N");
            var entries = await EntriesAsync(redis, meetingId);
            if (entries.Count == 0)
            {
                await redis.SetRemoveAsync(MeetingsKey, meeting);
                continue;
            }

            var dead = new List<(string Field, Participant Participant)>();
            var alive = new HashSet<Guid>();
            foreach (var (field, node, participant) in await EntriesWithFieldsAsync(redis, meetingId))
            {
                if (await redis.KeyExistsAsync(NodeKey(node)))
                {
                    alive.Add(participant.UserId);
                }
                else
                {
                    dead.Add((field, participant));
                }
            }

            foreach (var (field, participant) in dead)
            {
                await redis.HashDeleteAsync(MeetingKey(meetingId), field);
                if (!alive.Contains(participant.UserId))
                {
                    await hub.Clients.Group(MeetingHub.Group(meetingId)).ParticipantLeft(participant.UserId);
                }
            }
        }
    }

    private static async Task<List<(string Node, Participant Participant)>> EntriesAsync(IDatabase redis, Guid meetingId) =>
        [.. (await EntriesWithFieldsAsync(redis, meetingId)).Select(e => (e.Node, e.Participant))];

    private static async Task<List<(string Field, string Node, Participant Participant)>> EntriesWithFieldsAsync(IDatabase redis, Guid meetingId)
    {
        var entries = new List<(string, string, Participant)>();
        foreach (var entry in await redis.HashGetAllAsync(MeetingKey(meetingId)))
        {
            var field = entry.Name.ToString();
            if (JsonSerializer.Deserialize<Participant>(entry.Value.ToString()) is { } participant)
            {
                entries.Add((field, field.Split(':')[0], participant));
            }
        }

        return entries;
    }

    private async Task<IDatabase?> RedisAsync()
    {
        if (_redis is null && services.GetService<RedisConnection>() is { } connection)
        {
            _redis = (await connection.GetAsync()).GetDatabase();
        }

        return _redis;
    }

    private const string MeetingsKey = "proeftuin:presence:meetings";

    private static RedisKey MeetingKey(Guid meetingId) => $"proeftuin:presence:{meetingId:N}";

    private static RedisKey NodeKey(string node) => $"proeftuin:node:{node}";
}
