using Proeftuin.Web.Features.Recommendations;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Recommendations made in the room, live for everyone: a thin adapter over <see cref="LiveRecommendations"/> (the use
/// cases, tested without SignalR), which this file only gives the caller's meeting and whose outcome it broadcasts.
/// </summary>
public sealed partial class MeetingHub
{
    public Task<HubResult<RecommendationView>> AddRecommendation(RecommendationInput input) =>
        RecommendationAsync((live, meetingId) => live.AddAsync(meetingId, input, Aborted));

    public Task<HubResult<RecommendationView>> EditRecommendation(Guid recommendationId, int expectedVersion, RecommendationInput input) =>
        RecommendationAsync((live, meetingId) => live.EditAsync(meetingId, recommendationId, expectedVersion, input, Aborted));

    public Task<HubResult<RecommendationView>> ChangeRecommendationStatus(Guid recommendationId, int expectedVersion, string status) =>
        RecommendationAsync((live, meetingId) => live.ChangeStatusAsync(meetingId, recommendationId, expectedVersion, status, Aborted));

    public async Task<HubResult<Guid>> DeleteRecommendation(Guid recommendationId, int expectedVersion)
    {
        var (result, meetingId) = await RecommendationOutcomeAsync((live, meeting) => live.DeleteAsync(meeting, recommendationId, expectedVersion, Aborted));
        if (!result.Ok)
        {
            return new HubResult<Guid>(false, default, result.Error);
        }

        await Clients.Group(Group(meetingId)).RecommendationRemoved(recommendationId);
        return HubResult<Guid>.Success(recommendationId);
    }

    private async Task<HubResult<RecommendationView>> RecommendationAsync(Func<LiveRecommendations, Guid, Task<RecommendationOutcome>> change)
    {
        var (result, meetingId) = await RecommendationOutcomeAsync(change);
        if (result.Ok)
        {
            await Clients.Group(Group(meetingId)).RecommendationChanged(result.Value!);
        }

        return result;
    }

    private async Task<(HubResult<RecommendationView> Result, Guid MeetingId)> RecommendationOutcomeAsync(Func<LiveRecommendations, Guid, Task<RecommendationOutcome>> change)
    {
        var call = await caller.MemberAsync(Context);
        if (call.Seat is not { } seat)
        {
            return (HubResult<RecommendationView>.Fail(call.Error!), default);
        }

        var outcome = await change(meetings.Recommendations.For(Context.User), seat.MeetingId);
        if (outcome.Refused is { } verdict)
        {
            return (HubResult<RecommendationView>.Refused(verdict), seat.MeetingId);
        }

        return outcome.Ok
            ? (HubResult<RecommendationView>.Success(outcome.Value!), seat.MeetingId)
            : (new HubResult<RecommendationView>(false, null, new HubError(outcome.ErrorCode!, outcome.ErrorMessage!, Current: outcome.Current)), seat.MeetingId);
    }
}
