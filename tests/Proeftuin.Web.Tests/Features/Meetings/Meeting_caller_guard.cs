using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Features.Neighbourhoods;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The room's one guard (<see cref="MeetingCaller"/>) on the real database, with a connection of its own and a fake
/// clock: what it refuses, what it keeps per connection, and when it asks again.
/// </summary>
public sealed class Meeting_caller_guard(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Joining_refuses_an_unknown_meeting_and_a_caller_from_another_wijk_and_nothing_is_allowed_before_joining()
    {
        var meetingId = await factory.Services.PlannedMeetingAsync("ondiep");
        var outsider = await ConnectionOfAsync("ingrid.meijer@demo.proeftuin.nl");

        var unknown = await GuardAsync(c => c.JoinAsync(outsider, Guid.NewGuid()));
        var foreign = await GuardAsync(c => c.JoinAsync(outsider, meetingId));
        var notJoined = await GuardAsync(c => c.MemberAsync(outsider));

        Assert.Equal("meeting.unknown", unknown.Error!.Code);
        Assert.Equal("forbidden", foreign.Error!.Code);
        Assert.Equal("meeting.not-joined", notJoined.Error!.Code);
        Assert.True(await factory.Services.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "join" && a.Outcome == "denied" && a.ObjectId == meetingId.ToString())));
    }

    [Fact]
    public async Task A_member_seat_is_kept_on_the_connection_without_a_query_until_it_is_older_than_the_maximum_age()
    {
        var connection = await ConnectionOfAsync("kevin.smit@demo.proeftuin.nl");
        var seat = await JoinAsync(connection, "ondiep");

        // Behind the guard's back (no membership change announced on this node): the kept seat still answers...
        await factory.Services.ReadAsync(db => db.Memberships.Where(m => m.ProfessionalId == seat.UserId && m.NeighbourhoodId == seat.NeighbourhoodId).ExecuteDeleteAsync());
        var kept = await GuardAsync(c => c.MemberAsync(connection));
        _clock.Advance(MeetingCaller.MaxAge);
        var aged = await GuardAsync(c => c.MemberAsync(connection));

        Assert.Equal(seat, kept.Seat);
        Assert.Equal("forbidden", aged.Error!.Code);
    }

    [Fact]
    public async Task A_membership_removed_on_this_node_refuses_the_next_call_at_once()
    {
        var connection = await ConnectionOfAsync("esra.yilmaz@demo.proeftuin.nl");
        var seat = await JoinAsync(connection, "ondiep");
        var before = await GuardAsync(c => c.MemberAsync(connection));

        await factory.Services.CallAsync<MembershipRemoval, bool>(r => r.RemoveAsync(seat.NeighbourhoodId, seat.UserId, default));
        var after = await GuardAsync(c => c.MemberAsync(connection));

        Assert.Equal(seat, before.Seat);
        Assert.Equal("forbidden", after.Error!.Code);
    }

    [Fact]
    public async Task A_chair_action_reads_the_role_afresh_and_a_refusal_is_audited()
    {
        var chair = await ConnectionOfAsync("joost.mulder@demo.proeftuin.nl");
        var member = await ConnectionOfAsync("pieter.vandijk@demo.proeftuin.nl");
        var seat = await JoinAsync(chair, "ondiep");
        await JoinAsync(member, "ondiep");

        var asChair = await GuardAsync(c => c.ChairAsync(chair, "start"));
        var asMember = await GuardAsync(c => c.ChairAsync(member, "start"));
        await factory.Services.ReadAsync(db => db.Memberships.Where(m => m.ProfessionalId == seat.UserId && m.NeighbourhoodId == seat.NeighbourhoodId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, MembershipRole.Member)));
        var demoted = await GuardAsync(c => c.ChairAsync(chair, "advance-phase"));
        var stillMember = await GuardAsync(c => c.MemberAsync(chair, open: true));

        Assert.Equal(MembershipRole.Chair, asChair.Seat!.Role);
        Assert.Equal(MeetingCaller.NotChair, asMember.Error);
        Assert.Equal(MeetingCaller.NotChair, demoted.Error);
        Assert.NotNull(stillMember.Seat);
        Assert.True(await factory.Services.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "advance-phase" && a.Outcome == "denied" && a.ObjectId == seat.MeetingId.ToString())));
    }

    private async Task<MeetingSeat> JoinAsync(HubCallerContext connection, string neighbourhood)
    {
        var meetingId = await factory.Services.PlannedMeetingAsync(neighbourhood);
        var seat = (await GuardAsync(c => c.JoinAsync(connection, meetingId))).Seat!;
        await factory.Services.CallAsync<MeetingRoom, Participant>(r => r.EnterAsync(seat, connection.ConnectionId, connection.User, default));
        return seat;
    }

    /// <summary>One guard call in a scope of its own (as one hub invocation), on the fake clock.</summary>
    private async Task<Guarded> GuardAsync(Func<MeetingCaller, Task<Guarded>> call)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await call(new MeetingCaller(
            services.GetRequiredService<ProeftuinDbContext>(), services.GetRequiredService<Presence>(),
            services.GetRequiredService<MembershipChanges>(), services.GetRequiredService<AuditLog>(), _clock));
    }

    private async Task<HubCallerContext> ConnectionOfAsync(string email)
    {
        var userId = await factory.Services.ReadAsync(db => db.Professionals.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
        return new Connection(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "test")));
    }

    /// <summary>A hub connection as the guard sees it: an id, a user and the per-connection items.</summary>
    private sealed class Connection(ClaimsPrincipal user) : HubCallerContext
    {
        public override string ConnectionId { get; } = Guid.NewGuid().ToString("N");

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal? User => user;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
