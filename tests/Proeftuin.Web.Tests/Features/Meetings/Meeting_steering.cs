using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The chair steers a live meeting through <see cref="MeetingSteering"/>, without SignalR: back a phase, to the next
/// case, to any case; each phase has its own timer on the (fake) clock; only the chair of the wijk may, and a refusal
/// changes nothing and is audit-logged.
/// </summary>
public sealed class Meeting_steering(FakeClockWebFactory factory) : IClassFixture<FakeClockWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task Chair_goes_back_a_phase_and_each_phase_counts_down_its_own_share_of_the_timebox()
    {
        var meetingId = await LiveMeetingAsync(30, 20);
        await StartTimerAsync(meetingId);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await AdvanceAsync(meetingId);
        factory.Clock.Advance(TimeSpan.FromSeconds(90));

        var back = await SteerAsync(Chair, (s, user) => s.ReturnToPreviousPhaseAsync(user, meetingId, default));
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var first = await SteerAsync(Chair, (s, user) => s.ReturnToPreviousPhaseAsync(user, meetingId, default));

        Assert.True(back.Ok, back.Error?.Message);
        Assert.Equal("Presentation", back.Value!.Phase);
        Assert.True(back.Value.TimerRunning);
        Assert.Equal(6 * 60, back.Value.RemainingSeconds); // Inbreng: 20% of 30 minutes, afresh.
        Assert.Equal("meeting.phase.first", first.Error!.Code);
        var item = await ItemAsync(meetingId, 0);
        Assert.Equal(MeetingPhase.Presentation, item.Phase);
        Assert.Equal(TimeSpan.FromMinutes(5.5), item.Remaining(factory.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task Chair_moves_to_the_next_case_at_its_first_phase_and_not_past_the_last()
    {
        var meetingId = await LiveMeetingAsync(30, 20);
        await AdvanceAsync(meetingId);

        var next = await SteerAsync(Chair, (s, user) => s.MoveToNextItemAsync(user, meetingId, default));
        var pastLast = await SteerAsync(Chair, (s, user) => s.MoveToNextItemAsync(user, meetingId, default));
        var firstAgain = await SteerAsync(Chair, async (s, user) => await s.MoveToItemAsync(user, meetingId, (await ItemAsync(meetingId, 0)).Id, default));
        var unknown = await SteerAsync(Chair, (s, user) => s.MoveToItemAsync(user, meetingId, Guid.NewGuid(), default));

        var second = await ItemAsync(meetingId, 1);
        Assert.Equal(second.Id, next.Value!.CurrentAgendaItemId);
        Assert.Equal("Presentation", next.Value.Phase);
        Assert.Equal(4 * 60, next.Value.RemainingSeconds); // 20% of 20 minutes.
        Assert.Equal("meeting.agenda.last", pastLast.Error!.Code);
        Assert.Equal("Clarification", firstAgain.Value!.Phase);
        Assert.Equal("meeting.agenda.unknown", unknown.Error!.Code);
    }

    [Fact]
    public async Task A_member_who_is_not_chair_cannot_steer_and_nothing_changes()
    {
        var meetingId = await LiveMeetingAsync(30, 20);
        await AdvanceAsync(meetingId);

        var back = await SteerAsync(Member, (s, user) => s.ReturnToPreviousPhaseAsync(user, meetingId, default));
        var next = await SteerAsync(Member, (s, user) => s.MoveToNextItemAsync(user, meetingId, default));
        var notJoined = await SteerAsync(Chair, (s, user) => s.MoveToNextItemAsync(user, null, default));

        Assert.Equal("forbidden", back.Error!.Code);
        Assert.Equal("forbidden", next.Error!.Code);
        Assert.Equal("meeting.not-joined", notJoined.Error!.Code);
        var meeting = await QueryAsync(db => db.Meetings.Include(m => m.Agenda).AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(meeting.Agenda[0].Id, meeting.CurrentAgendaItemId);
        Assert.Equal(MeetingPhase.Clarification, meeting.Agenda[0].Phase);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ObjectId == meetingId.ToString() && e.Action == "previous-phase" && e.Outcome == "denied")));
    }

    /// <summary>A new live meeting of Ondiep with the first cases of the wijk, one timebox each.</summary>
    private async Task<Guid> LiveMeetingAsync(params int[] timeboxes)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var chair = await db.Professionals.SingleAsync(p => p.Email == Chair);
        var cases = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id).OrderBy(c => c.Code).Take(timeboxes.Length).ToListAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var meeting = new Meeting(Guid.NewGuid(), ondiep.Id, "Sturen", now, chair.Id);
        for (var i = 0; i < timeboxes.Length; i++)
        {
            meeting.AddToAgenda(Guid.NewGuid(), cases[i], timeboxes[i]);
        }

        meeting.Start(now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private Task StartTimerAsync(Guid meetingId) => ChangeAsync(meetingId, (m, now) => m.StartTimer(now));

    private Task AdvanceAsync(Guid meetingId) => ChangeAsync(meetingId, (m, now) => m.AdvancePhase(now));

    private async Task ChangeAsync(Guid meetingId, Action<Meeting, DateTime> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var meeting = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Id == meetingId);
        change(meeting, factory.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private Task<AgendaItem> ItemAsync(Guid meetingId, int index) =>
        QueryAsync(async db => (await db.Meetings.Include(m => m.Agenda).AsNoTracking().SingleAsync(m => m.Id == meetingId)).Agenda[index]);

    /// <summary>Calls the service in its own scope as the hub does per call, as the given professional.</summary>
    private async Task<HubResult<MeetingState>> SteerAsync(string email, Func<MeetingSteering, ClaimsPrincipal, Task<HubResult<MeetingState>>> step)
    {
        var id = await QueryAsync(db => db.Professionals.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "test"));
        await using var scope = factory.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<MeetingSteering>(), user);
    }

    private async Task<T> QueryAsync<T>(Func<ProeftuinDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>());
    }
}
