using Proeftuin.Web.Features.Meetings;
using Proeftuin.Web.Features.Meetings.Live;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>Rating a meeting (<see cref="MeetingEvaluations"/>) called directly on the real database.</summary>
public sealed class Meeting_evaluations_without_the_hub(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task An_attendee_rates_a_meeting_once_after_it_started_and_the_summary_is_the_rounded_average()
    {
        var services = factory.Services;
        var chair = await services.SeatAsync("binnenstad", "ingrid.meijer@demo.proeftuin.nl");
        var member = await services.SeatAsync("binnenstad", "lotte.degraaf@demo.proeftuin.nl");
        var late = await services.SeatAsync("binnenstad", "daan.bakker@demo.proeftuin.nl");
        var absent = await services.SeatAsync("binnenstad", "youssef.benali@demo.proeftuin.nl");
        var beforeStart = await services.CallAsync<MeetingEvaluations, HubResult<EvaluationSummary>>(e => e.EvaluateAsync(member, 8, null, default));
        await services.CallAsync<MeetingConduct, HubResult<MeetingState>>(c => c.StartAsync(chair, default));
        await services.CallAsync<MeetingRoom, Participant>(r => r.EnterAsync(chair, "evaluation-chair", null, default));
        await services.CallAsync<MeetingRoom, Participant>(r => r.EnterAsync(member, "evaluation-member", null, default));
        await services.CallAsync<MeetingRoom, Participant>(r => r.EnterAsync(late, "evaluation-late", null, default));

        var first = await services.CallAsync<MeetingEvaluations, HubResult<EvaluationSummary>>(e => e.EvaluateAsync(chair, 8, "Goed voorbereid.", default));
        var second = await services.CallAsync<MeetingEvaluations, HubResult<EvaluationSummary>>(e => e.EvaluateAsync(member, 7, null, default));
        var twice = await services.CallAsync<MeetingEvaluations, HubResult<EvaluationSummary>>(e => e.EvaluateAsync(member, 3, null, default));
        var notThere = await services.CallAsync<MeetingEvaluations, HubResult<EvaluationSummary>>(e => e.EvaluateAsync(absent, 9, null, default));
        var outOfRange = await services.CallAsync<MeetingEvaluations, HubResult<EvaluationSummary>>(e => e.EvaluateAsync(late, 11, null, default));

        Assert.Equal("evaluation.status", beforeStart.Error!.Code);
        Assert.Equal(new EvaluationSummary(1, 8), first.Value);
        Assert.Equal(new EvaluationSummary(2, 7.5), second.Value);
        Assert.Equal("evaluation.duplicate", twice.Error!.Code);
        Assert.Equal("evaluation.attendee", notThere.Error!.Code);
        Assert.Equal("evaluation.score", outOfRange.Error!.Code);
        Assert.Equal(new EvaluationSummary(2, 7.5), await services.CallAsync<MeetingEvaluations, EvaluationSummary>(e => e.SummaryAsync(chair.MeetingId, default)));
        foreach (var connection in new[] { "evaluation-chair", "evaluation-member", "evaluation-late" })
        {
            Assert.True((await services.CallAsync<MeetingRoom, LeftRoom?>(r => r.LeaveAsync(connection)))!.Gone);
        }
    }
}
