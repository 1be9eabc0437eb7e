using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Collaboration;
using Proeftuin.Core.Meetings;
using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>The chair's use cases (<see cref="MeetingConduct"/>) and the evaluation, called directly on the real database.</summary>
public sealed class Meeting_conduct_without_the_hub(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private IServiceProvider Services => factory.Services;

    [Fact]
    public async Task Closing_freezes_the_live_case_texts_marks_the_cases_discussed_and_writes_the_verslag_which_the_chair_then_finalises()
    {
        var chair = await Services.SeatAsync("binnenstad", "ingrid.meijer@demo.proeftuin.nl");
        var member = await Services.SeatAsync("binnenstad", "youssef.benali@demo.proeftuin.nl");
        await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartAsync(chair, default));
        var snapshot = await Services.CallAsync<MeetingRoom, MeetingSnapshot>(r => r.SnapshotAsync(member, default));
        var document = snapshot.Documents[0];
        var typed = await Services.CallAsync<LiveEditing, Relay<SubmitAck, OperationBroadcast>>(e => e.SubmitAsync(member, "conduct-member",
            new SubmitRequest(document.DocumentId, document.Revision, TextOperation.InsertAt(document.Text.Length, document.Text.Length, "\n\nSchool belt wekelijks."), "member", 1), default));

        var closed = await Services.CallAsync<MeetingConduct, HubResult<ClosedMeeting>>(c => c.CloseAsync(chair, default));
        var finalised = await Services.CallAsync<MeetingConduct, HubResult<MinutesView>>(c => c.FinaliseMinutesAsync(chair, default));
        var again = await Services.CallAsync<MeetingConduct, HubResult<ClosedMeeting>>(c => c.CloseAsync(chair, default));

        Assert.True(typed.Answer.Ok, typed.Answer.Error?.Message);
        Assert.True(closed.Ok, closed.Error?.Message);
        Assert.Equal("Closed", closed.Value!.State.Status);
        Assert.Equal("Draft", closed.Value.Minutes.Status);
        Assert.Equal("Final", finalised.Value!.Status);
        Assert.False(again.Ok);
        var caseId = DocumentId.Parse(document.DocumentId).Id;
        var caseFile = await Services.ReadAsync(db => db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == caseId));
        var minutes = await Services.ReadAsync(db => db.MeetingMinutes.AsNoTracking().SingleAsync(m => m.MeetingId == chair.MeetingId));
        Assert.EndsWith("School belt wekelijks.", caseFile.Text, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Discussed, caseFile.Status);
        Assert.Contains(caseFile.Code, minutes.GeneratedText, StringComparison.Ordinal);
        Assert.Contains("School belt wekelijks.", minutes.FinalText!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_is_refused_while_a_case_text_holds_a_name_and_then_nothing_is_saved()
    {
        var chair = await Services.SeatAsync("ondiep", "joost.mulder@demo.proeftuin.nl");
        await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartAsync(chair, default));
        var document = (await Services.CallAsync<MeetingRoom, MeetingSnapshot>(r => r.SnapshotAsync(chair, default))).Documents[0];
        await Services.CallAsync<LiveEditing, Relay<SubmitAck, OperationBroadcast>>(e => e.SubmitAsync(chair, "conduct-chair",
            new SubmitRequest(document.DocumentId, document.Revision, TextOperation.InsertAt(document.Text.Length, document.Text.Length, "\n\nBroer Storm (11) helpt mee."), "chair", 1), default));

        var refused = await Services.CallAsync<MeetingConduct, HubResult<ClosedMeeting>>(c => c.CloseAsync(chair, default));

        Assert.Equal("meeting.anonymization.open", refused.Error!.Code);
        Assert.Equal(MeetingStatus.Live, await Services.ReadAsync(db => db.Meetings.Where(m => m.Id == chair.MeetingId).Select(m => m.Status).SingleAsync()));
        Assert.False(await Services.ReadAsync(db => db.MeetingMinutes.AnyAsync(m => m.MeetingId == chair.MeetingId)));
    }

    [Fact]
    public async Task Timer_and_phase_follow_the_chair_and_a_planned_meeting_refuses_them()
    {
        var chair = await Services.SeatAsync("leidsche-rijn", "ruud.jansen@demo.proeftuin.nl");
        var early = await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartTimerAsync(chair, default));
        await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartAsync(chair, default));

        var running = await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartTimerAsync(chair, default));
        var paused = await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.PauseTimerAsync(chair, default));
        var next = await Services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.AdvancePhaseAsync(chair, default));

        Assert.False(early.Ok);
        Assert.True(running.Value!.TimerRunning);
        Assert.False(paused.Value!.TimerRunning);
        Assert.Equal("Clarification", next.Value!.Phase);
    }
}
