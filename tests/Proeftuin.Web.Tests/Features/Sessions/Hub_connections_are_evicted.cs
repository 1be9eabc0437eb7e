using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Neighbourhoods;
using Proeftuin.Web.Infrastructure.Sessions;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Sessions;

/// <summary>
/// The app with a check of the open hub connections every second of its clock, a FakeTimeProvider that stands still
/// until a test moves it: the periodic check runs only when a test says so, also on a busy machine.
/// </summary>
public sealed class FastLiveCheckFactory : IAsyncLifetime
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    public FakeClockWebFactory App { get; } = new() { Settings = new Dictionary<string, string> { ["Sessions:LiveCheckSeconds"] = "1" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>
/// Real hub connections are closed when what let them in no longer holds: a removed membership, a locked account, a
/// changed security stamp. A change made by this node closes them at once: on the app's clock no time passes, so the
/// periodic check cannot have done it; one made elsewhere (straight in the database, as another node or the CLI
/// would) at the next periodic check, which the test lets happen by moving the app's clock one interval on. The wait
/// for the close itself is on a condition with a generous timeout: a busy machine makes it slower, not red.
/// </summary>
public sealed class Hub_connections_are_evicted(FastLiveCheckFactory fast) : IClassFixture<FastLiveCheckFactory>
{
    private FakeClockWebFactory App => fast.App;

    [Fact]
    public async Task A_removed_members_open_connection_stops_receiving_the_rooms_operations_within_5_seconds()
    {
        var (meetingId, ondiep) = await PlannedMeetingAsync(App, "ondiep");
        await using var joost = await HubConnections.ConnectAsync(App, "joost.mulder@demo.proeftuin.nl");
        await using var kevin = await HubConnections.ConnectAsync(App, "kevin.smit@demo.proeftuin.nl");
        var received = new ConcurrentQueue<OperationBroadcast>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kevin.On<OperationBatch>(nameof(IMeetingClient.OperationsApplied), batch =>
        {
            foreach (var operation in batch.Operations)
            {
                received.Enqueue(operation);
            }

            first.TrySetResult();
        });
        var closed = Closed(kevin);
        var room = (await joost.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Value!;
        Assert.True((await kevin.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId)).Ok);
        var document = room.Documents[0];

        // Kevin receives the room's edits while he is a member ...
        await SubmitAsync(joost, document, document.Revision, "voor");
        await first.Task.WaitAsync(Eventually.DefaultTimeout);
        var kevinId = await UserIdAsync(App, "kevin.smit@demo.proeftuin.nl");

        // ... and not after the beheerder takes him out of the wijk.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<MembershipRemoval>().RemoveAsync(ondiep, kevinId, CancellationToken.None));
        }

        // No time passes on the app's clock: no periodic check ran, this node closed it itself.
        await closed.WaitAsync(Eventually.DefaultTimeout);
        var countAfterRemoval = received.Count;
        var ack = await SubmitAsync(joost, document, document.Revision + 1, "na");
        Assert.True(ack.Ok, ack.Error?.Message);
        Assert.Equal(countAfterRemoval, received.Count);
        Assert.Equal(HubConnectionState.Disconnected, kevin.State);

        // Coming back is refused too: the membership check of the room holds.
        await using var again = await HubConnections.ConnectAsync(App, "kevin.smit@demo.proeftuin.nl");
        var rejoin = await again.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        Assert.False(rejoin.Ok);
        Assert.Equal("forbidden", rejoin.Error!.Code);
    }

    [Fact]
    public async Task A_locked_accounts_connection_is_closed_at_once()
    {
        await using var esra = await HubConnections.ConnectAsync(App, "esra.yilmaz@demo.proeftuin.nl");
        var closed = Closed(esra);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ProeftuinUser>>();
            var user = (await users.FindByEmailAsync("esra.yilmaz@demo.proeftuin.nl"))!;
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountSessions>().LockAsync(user, App.Clock.GetUtcNow().AddHours(1), CancellationToken.None)).Succeeded);
        }

        // No time passes on the app's clock: no periodic check ran, this node closed it itself.
        await closed.WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public async Task A_security_stamp_changed_on_another_node_closes_the_connection_at_the_next_check()
    {
        await using var pieter = await HubConnections.ConnectAsync(App, "pieter.vandijk@demo.proeftuin.nl");
        await using var sanne = await HubConnections.ConnectAsync(App, "sanne.visser@demo.proeftuin.nl");
        var closed = Closed(pieter);

        // Straight in the database, as a password change on another node leaves it: this node is not told.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            await db.Users.Where(u => u.Email == "pieter.vandijk@demo.proeftuin.nl")
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")));
        }

        App.Clock.Advance(FastLiveCheckFactory.CheckInterval);
        await closed.WaitAsync(Eventually.DefaultTimeout);
        Assert.Equal(HubConnectionState.Connected, sanne.State);
    }

    [Fact]
    public async Task A_lockout_on_another_node_closes_the_connection_at_the_next_check()
    {
        await using var lotte = await HubConnections.ConnectAsync(App, "lotte.degraaf@demo.proeftuin.nl");
        var closed = Closed(lotte);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
            await db.Users.Where(u => u.Email == "lotte.degraaf@demo.proeftuin.nl")
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LockoutEnd, App.Clock.GetUtcNow().AddHours(1)));
        }

        App.Clock.Advance(FastLiveCheckFactory.CheckInterval);
        await closed.WaitAsync(Eventually.DefaultTimeout);
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private static Task<HubResult<SubmitAck>> SubmitAsync(HubConnection connection, DocumentState document, long revision, string clientId) =>
        connection.InvokeAsync<HubResult<SubmitAck>>(nameof(MeetingHub.SubmitOperation),
            new SubmitRequest(document.DocumentId, revision, TextOperation.InsertAt(document.Text.Length + (int)(revision - document.Revision), 0, "x"), clientId, 1));

    private static async Task<Guid> UserIdAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<(Guid Meeting, Guid Neighbourhood)> PlannedMeetingAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string neighbourhood)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var id = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
        return (await db.Meetings.Where(m => m.NeighbourhoodId == id && m.Status == MeetingStatus.Planned).Select(m => m.Id).SingleAsync(), id);
    }
}
