using Microsoft.AspNetCore.Mvc;
using Proeftuin.Web.Features.Recommendations;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Recommendations made in the room, live for everyone: a thin adapter over <see cref="LiveRecommendations"/> (the use
/// cases, tested without SignalR), which this file only gives the caller's meeting and whose outcome it broadcasts.
/// </summary>
public sealed partial class MeetingHub
{
    public Task<HubResult<RecommendationView>> AddRecommendation(RecommendationInput input, [FromServices] LiveRecommendations recommendations) =>
        RecommendationAsync(meetingId => recommendations.AddAsync(meetingId, input, Context.ConnectionAborted));

    public Task<HubResult<RecommendationView>> EditRecommendation(
        Guid recommendationId, int expectedVersion, RecommendationInput input, [FromServices] LiveRecommendations recommendations) =>
        RecommendationAsync(meetingId => recommendations.EditAsync(meetingId, recommendationId, expectedVersion, input, Context.ConnectionAborted));

    public Task<HubResult<RecommendationView>> ChangeRecommendationStatus(
        Guid recommendationId, int expectedVersion, string status, [FromServices] LiveRecommendations recommendations) =>
        RecommendationAsync(meetingId => recommendations.ChangeStatusAsync(meetingId, recommendationId, expectedVersion, status, Context.ConnectionAborted));

    public async Task<HubResult<Guid>> DeleteRecommendation(Guid recommendationId, int expectedVersion, [FromServices] LiveRecommendations recommendations)
    {
        var result = await RecommendationAsync(
            meetingId => recommendations.DeleteAsync(meetingId, recommendationId, expectedVersion, Context.ConnectionAborted), broadcast: false);
        if (!result.Ok)
        {
            return new HubResult<Guid>(false, default, result.Error);
        }

        await Clients.Group(Group(presence.MeetingOf(Context.ConnectionId)!.Value)).RecommendationRemoved(recommendationId);
        return HubResult<Guid>.Success(recommendationId);
    }

    private async Task<HubResult<RecommendationView>> RecommendationAsync(Func<Guid, Task<RecommendationOutcome>> change, bool broadcast = true)
    {
        access.UseUser(Context.User);
        if (presence.MeetingOf(Context.ConnectionId) is not { } meetingId)
        {
            return HubResult<RecommendationView>.Fail("meeting.not-joined", "Neem eerst deel aan de bespreking.");
        }

        var outcome = await change(meetingId);
        if (outcome.Refused is { } verdict)
        {
            return HubResult<RecommendationView>.Refused(verdict);
        }

        if (!outcome.Ok)
        {
            return new HubResult<RecommendationView>(false, null, new HubError(outcome.ErrorCode!, outcome.ErrorMessage!, Current: outcome.Current));
        }

        if (broadcast)
        {
            await Clients.Group(Group(meetingId)).RecommendationChanged(outcome.Value!);
        }

        return HubResult<RecommendationView>.Success(outcome.Value!);
    }
}
