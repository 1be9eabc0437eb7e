using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Health;

/// <summary>Readiness reflects the database and Redis; metrics count connections and operations, never content.</summary>
public sealed class Readiness_and_metrics(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task A_single_node_without_redis_is_ready()
    {
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Metrics_count_connections_and_applied_operations_without_any_text()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.Where(n => n.Slug == "ondiep").Select(n => n.Id).SingleAsync();
        var meeting = await db.Meetings.Include(m => m.Agenda).FirstAsync(m => m.NeighbourhoodId == ondiep && m.Status == MeetingStatus.Planned);
        await using var connection = await HubConnections.ConnectAsync(factory, "joost.mulder@demo.proeftuin.nl");
        var snapshot = (await connection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meeting.Id)).Value!;
        var document = snapshot.Documents[0];
        await connection.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(document.DocumentId, document.Revision, TextOperation.InsertAt(document.Text.Length, 0, "Geheimzinnig "), "metrics", 1));
        using var client = factory.CreateClient();

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("proeftuin_hub_connections", metrics, StringComparison.Ordinal);
        Assert.Contains("proeftuin_operations_applied_total", metrics, StringComparison.Ordinal);
        Assert.Contains("proeftuin_operation_submit_duration_milliseconds_bucket", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheimzinnig", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("joost", metrics, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A node with the Redis backplane is ready only while Redis answers.</summary>
public sealed class Readiness_with_redis
{
    [RedisFact]
    public async Task Ready_with_a_reachable_redis_and_not_ready_without_it()
    {
        await using var reachable = new ConfiguredProeftuinFactory(new Dictionary<string, string> { ["Redis:Configuration"] = TestServers.Redis! });
        await using var unreachable = new ConfiguredProeftuinFactory(new Dictionary<string, string> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=500,syncTimeout=500,asyncTimeout=500" });

        using var ready = await reachable.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        using var notReady = await unreachable.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        using var stillLive = await unreachable.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillLive.StatusCode);
    }
}
