using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;
using Proeftuin.Testing.Live;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The steering methods over a real <see cref="HubConnection"/>: the chair goes back a phase and on to the next case,
/// everyone in the room gets the new state; a member who is not chair is refused; a cancelled meeting cannot be joined.
/// </summary>
public sealed class Steering_over_the_hub(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Chair = "joost.mulder@demo.proeftuin.nl";
    private const string Member = "kevin.smit@demo.proeftuin.nl";

    [Fact]
    public async Task Chair_steers_back_and_to_the_next_case_and_the_room_sees_every_step()
    {
        var meetingId = await PlannedMeetingAsync(cancelled: false);
        await using var chair = await HubConnections.ConnectAsync(factory, Chair);
        await using var member = await HubConnections.ConnectAsync(factory, Member);
        var states = Received<MeetingState>.On(member, nameof(IMeetingClient.MeetingStateChanged));
        var snapshot = await chair.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        await member.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);

        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.StartMeeting));
        var tooFarBack = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.ReturnToPreviousPhase));
        await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.AdvancePhase));
        var memberBack = await member.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.ReturnToPreviousPhase));
        var memberNext = await member.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.MoveToNextItem));
        var back = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.ReturnToPreviousPhase));
        var next = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.MoveToNextItem));
        var first = await chair.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.MoveToItem), back.Value!.CurrentAgendaItemId!.Value);

        Assert.True(snapshot.Ok, snapshot.Error?.Message);
        Assert.Equal("meeting.phase.first", tooFarBack.Error!.Code);
        Assert.Equal("forbidden", memberBack.Error!.Code);
        Assert.Equal("forbidden", memberNext.Error!.Code);
        Assert.Equal("Presentation", back.Value.Phase);
        Assert.NotEqual(back.Value.CurrentAgendaItemId, next.Value!.CurrentAgendaItemId);
        Assert.Equal("Presentation", next.Value.Phase);
        Assert.Equal(back.Value.CurrentAgendaItemId, first.Value!.CurrentAgendaItemId);
        var seen = await states.UntilAsync(all => all.Count >= 5, "five changes of state");
        Assert.Contains(seen, s => s.Phase == "Clarification");
        Assert.Contains(seen, s => s.CurrentAgendaItemId == next.Value.CurrentAgendaItemId);
        // Start, advance, back, next, first: the refused calls sent nothing; the last is the move back to the first case.
        Assert.Equal(["Presentation", "Clarification", "Presentation", "Presentation", "Presentation"], seen.Select(s => s.Phase));
        Assert.Equal(first.Value.CurrentAgendaItemId, seen[^1].CurrentAgendaItemId);
    }

    [Fact]
    public async Task A_cancelled_meeting_cannot_be_joined()
    {
        var meetingId = await PlannedMeetingAsync(cancelled: true);
        await using var member = await HubConnections.ConnectAsync(factory, Member);

        var join = await member.InvokeAsync<HubResult<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        var next = await member.InvokeAsync<HubResult<MeetingState>>(nameof(MeetingHub.MoveToNextItem));

        Assert.Equal("meeting.cancelled", join.Error!.Code);
        Assert.Equal("meeting.not-joined", next.Error!.Code);
    }

    /// <summary>A new planned meeting of Ondiep with two cases of the wijk; cancelled with a reason if asked.</summary>
    private async Task<Guid> PlannedMeetingAsync(bool cancelled)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var ondiep = await db.Neighbourhoods.SingleAsync(n => n.Slug == "ondiep");
        var chair = await db.Professionals.SingleAsync(p => p.Email == Chair);
        var cases = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep.Id).OrderBy(c => c.Code).Take(2).ToListAsync();
        var meeting = new Meeting(Guid.NewGuid(), ondiep.Id, "Sturen over de hub", DateTime.UtcNow.AddDays(1), chair.Id);
        meeting.AddToAgenda(Guid.NewGuid(), cases[0], 30);
        meeting.AddToAgenda(Guid.NewGuid(), cases[1], 20);
        if (cancelled)
        {
            meeting.Cancel("Te weinig deelnemers", DateTime.UtcNow);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
