using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Infrastructure.Audit;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Recommendations made in the room, live for everyone. Every change names the version it was based on: an edit of a
/// version someone else already changed is a conflict, never a silent overwrite.
/// </summary>
public sealed partial class MeetingHub
{
    public Task<HubResult<RecommendationView>> AddRecommendation(RecommendationInput input) => RecommendationAsync("create", null, input, meeting =>
    {
        if (input.CaseFileId is { } caseId && !meeting.Agenda.Any(a => a.CaseFileId == caseId))
        {
            throw new DomainException("recommendation.case", "Deze casus staat niet op de agenda van de bespreking.");
        }

        var recommendation = new Recommendation(Guid.NewGuid(), meeting.NeighbourhoodId, meeting.Id, input.CaseFileId, MeetingViews.Details(input), access.UserId, time.GetUtcNow().UtcDateTime);
        db.Recommendations.Add(recommendation);
        return Task.FromResult(recommendation);
    });

    public Task<HubResult<RecommendationView>> EditRecommendation(Guid recommendationId, int expectedVersion, RecommendationInput input) =>
        RecommendationAsync("update", recommendationId, input, async meeting =>
        {
            var recommendation = await FindRecommendationAsync(meeting, recommendationId);
            recommendation.Edit(expectedVersion, MeetingViews.Details(input), time.GetUtcNow().UtcDateTime);
            return recommendation;
        });

    public Task<HubResult<RecommendationView>> ChangeRecommendationStatus(Guid recommendationId, int expectedVersion, string status) =>
        RecommendationAsync("update", recommendationId, null, async meeting =>
        {
            var recommendation = await FindRecommendationAsync(meeting, recommendationId);
            var parsed = Enum.TryParse<RecommendationStatus>(status, out var value) && Enum.IsDefined(value)
                ? value
                : throw new DomainException("recommendation.status", $"Onbekende status '{status}'.");
            recommendation.ChangeStatus(expectedVersion, parsed, time.GetUtcNow().UtcDateTime);
            return recommendation;
        });

    public async Task<HubResult<Guid>> DeleteRecommendation(Guid recommendationId, int expectedVersion)
    {
        var result = await RecommendationAsync("delete", recommendationId, null, async meeting =>
        {
            var recommendation = await FindRecommendationAsync(meeting, recommendationId);
            recommendation.EnsureVersion(expectedVersion);
            db.Recommendations.Remove(recommendation);
            return recommendation;
        }, broadcast: false);
        if (!result.Ok)
        {
            return HubResult<Guid>.Fail(result.Error!.Code, result.Error.Message);
        }

        await Clients.Group(Group(presence.MeetingOf(Context.ConnectionId)!.Value)).RecommendationRemoved(recommendationId);
        return HubResult<Guid>.Success(recommendationId);
    }

    private async Task<Recommendation> FindRecommendationAsync(Meeting meeting, Guid recommendationId) =>
        await db.Recommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.MeetingId == meeting.Id, Context.ConnectionAborted)
        ?? throw new DomainException("recommendation.unknown", "Deze aanbeveling hoort niet bij deze bespreking.");

    /// <param name="input">The text to guard (add, edit); a recommendation travels to the coordinator and into every export.</param>
    private async Task<HubResult<RecommendationView>> RecommendationAsync(
        string action, Guid? recommendationId, RecommendationInput? input, Func<Meeting, Task<Recommendation>> change, bool broadcast = true)
    {
        access.UseUser(Context.User);
        var meetingId = presence.MeetingOf(Context.ConnectionId);
        if (meetingId is null)
        {
            return HubResult<RecommendationView>.Fail("meeting.not-joined", "Neem eerst deel aan de bespreking.");
        }

        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstAsync(m => m.Id == meetingId, Context.ConnectionAborted);
        if (!await access.IsMemberAsync(meeting.NeighbourhoodId, Context.ConnectionAborted))
        {
            return HubResult<RecommendationView>.Fail("forbidden", "Je bent geen lid van de wijk van deze bespreking.");
        }

        if (meeting.Status == MeetingStatus.Closed)
        {
            return HubResult<RecommendationView>.Fail("meeting.closed", "Een gesloten bespreking kan niet meer worden gewijzigd.");
        }

        if (input is not null)
        {
            // The guarded names of every case on the agenda apply: a recommendation may name any of them.
            var verdict = await textGuard.CheckAsync(
                [.. meeting.Agenda.Select(a => a.CaseFileId)], Context.ConnectionAborted, new Core.Anonymization.GuardedField("text", input.Text ?? string.Empty));
            if (!verdict.IsClear)
            {
                await audit.RecordAsync(new AuditEvent(action, "denied", "Recommendation", recommendationId?.ToString(), meeting.NeighbourhoodId, "Member"));
                return HubResult<RecommendationView>.Refused(verdict);
            }
        }

        Recommendation recommendation;
        try
        {
            recommendation = await change(meeting);
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }
        catch (DomainException error)
        {
            return HubResult<RecommendationView>.Fail(error.Code, error.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HubResult<RecommendationView>.Fail("recommendation.conflict", "Iemand anders heeft deze aanbeveling intussen gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.");
        }

        await audit.RecordAsync(new AuditEvent(action, "success", "Recommendation", (recommendationId ?? recommendation.Id).ToString(), meeting.NeighbourhoodId, "Member"));
        var view = MeetingViews.View(recommendation);
        if (broadcast)
        {
            await Clients.Group(Group(meeting.Id)).RecommendationChanged(view);
        }

        return HubResult<RecommendationView>.Success(view);
    }
}
