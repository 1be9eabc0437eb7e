using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Testing;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// Two app instances on one PostgreSQL database with the Redis backplane: a member on each node is in the same room,
/// sees the other in the participant list, and their edits converge through both nodes.
/// </summary>
public sealed class Two_nodes_one_room
{
    [RedisFact]
    public async Task Members_on_two_nodes_see_each_other_and_converge()
    {
        await using var database = TestDatabase.CreatePostgres();
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Proeftuin"] = database.Settings.ConnectionString,
            ["Redis:Configuration"] = TestServers.Redis!,
        };
        await using var nodeA = new ConfiguredProeftuinFactory(settings);
        _ = nodeA.Server; // migrates and seeds first
        await using var nodeB = new ConfiguredProeftuinFactory(settings);
        _ = nodeB.Server;
        var meetingId = await nodeA.Services.PlannedMeetingAsync("ondiep");

        var joost = new LiveDocumentClient(await HubConnections.ConnectAsync(nodeA, "joost.mulder@demo.proeftuin.nl"), "joost-node-a");
        await joost.JoinAsync(meetingId);
        var kevinConnection = await HubConnections.ConnectAsync(nodeB, "kevin.smit@demo.proeftuin.nl");
        var kevinSnapshot = await kevinConnection.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var kevin = new LiveDocumentClient(kevinConnection, "kevin-node-b");
        await kevin.JoinAsync(meetingId);
        for (var i = 0; i < 15; i++)
        {
            await Task.WhenAll(joost.TypeAsync(0, "a"), kevin.TypeAsync(1_000, "b"));
        }

        await LiveDocumentClient.ConvergeAsync([joost, kevin]);

        Assert.Equal(["Joost Mulder", "Kevin Smit"], kevinSnapshot.Value!.Participants.Select(p => p.Name).Order());
        Assert.Equal(joost.Document.Text, kevin.Document.Text);
        Assert.Empty(joost.Refusals);
        Assert.Empty(kevin.Refusals);
        await joost.Connection.DisposeAsync();
        await kevin.Connection.DisposeAsync();
    }
}
