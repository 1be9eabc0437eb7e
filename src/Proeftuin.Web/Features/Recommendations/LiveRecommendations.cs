using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// The use cases of recommendations made in a meeting — add, edit, change status, delete — without SignalR: the hub
/// resolves the caller (<see cref="WijkAccess.UseUser"/>) and the meeting it joined, calls here and broadcasts the
/// outcome. Every change names the version it was based on: a change of a version someone else already changed is a
/// conflict that carries the current version, never a silent overwrite. Every text passes the anonymisation guard.
/// </summary>
public sealed class LiveRecommendations(ProeftuinDbContext db, NeighbourhoodAccess access, TextGuard textGuard, AuditLog audit, TimeProvider time)
{
    public const string ConflictCode = "recommendation.conflict";

    private const string ConflictMessage = "Iemand anders heeft deze aanbeveling intussen gewijzigd. Bekijk beide versies en kies.";

    /// <summary>The signed-in caller the next calls are made for (the hub's connection user).</summary>
    public LiveRecommendations For(System.Security.Claims.ClaimsPrincipal? user)
    {
        access.UseUser(user);
        return this;
    }

    /// <summary>A new recommendation for a case on the agenda (<see cref="RecommendationInput.CaseFileId"/>) or, without one, for the meeting as a whole.</summary>
    public Task<RecommendationOutcome> AddAsync(Guid meetingId, RecommendationInput input, CancellationToken cancellationToken) =>
        ChangeAsync("create", meetingId, null, input, meeting =>
        {
            if (input.CaseFileId is { } caseId && !meeting.Agenda.Any(a => a.CaseFileId == caseId))
            {
                throw new DomainException("recommendation.case", "Deze casus staat niet op de agenda van de bespreking.");
            }

            var recommendation = new Recommendation(
                Guid.NewGuid(), meeting.NeighbourhoodId, meeting.Id, input.CaseFileId, RecommendationMapping.Details(input), access.UserId, Now);
            db.Recommendations.Add(recommendation);
            return Task.FromResult(recommendation);
        }, cancellationToken);

    /// <summary>Text, pillars, level, addressees, owner and due date; the case it was written for stays.</summary>
    public Task<RecommendationOutcome> EditAsync(Guid meetingId, Guid recommendationId, int expectedVersion, RecommendationInput input, CancellationToken cancellationToken) =>
        ChangeAsync("update", meetingId, recommendationId, input, async meeting =>
        {
            var recommendation = await FindAsync(meeting, recommendationId, cancellationToken);
            recommendation.Edit(expectedVersion, RecommendationMapping.Details(input), Now);
            return recommendation;
        }, cancellationToken);

    public Task<RecommendationOutcome> ChangeStatusAsync(Guid meetingId, Guid recommendationId, int expectedVersion, string status, CancellationToken cancellationToken) =>
        ChangeAsync("update", meetingId, recommendationId, null, async meeting =>
        {
            var recommendation = await FindAsync(meeting, recommendationId, cancellationToken);
            recommendation.ChangeStatus(expectedVersion, RecommendationMapping.Status(status), Now);
            return recommendation;
        }, cancellationToken);

    public Task<RecommendationOutcome> DeleteAsync(Guid meetingId, Guid recommendationId, int expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync("delete", meetingId, recommendationId, null, async meeting =>
        {
            var recommendation = await FindAsync(meeting, recommendationId, cancellationToken);
            recommendation.EnsureVersion(expectedVersion);
            db.Recommendations.Remove(recommendation);
            return recommendation;
        }, cancellationToken);

    /// <summary>The recommendations of a meeting in the order they were made, for the room's snapshot.</summary>
    public async Task<IReadOnlyList<RecommendationView>> ForMeetingAsync(Guid meetingId, CancellationToken cancellationToken) =>
        [.. (await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == meetingId).OrderBy(r => r.CreatedAtUtc).ToListAsync(cancellationToken))
            .Select(RecommendationMapping.View)];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<Recommendation> FindAsync(Meeting meeting, Guid recommendationId, CancellationToken cancellationToken) =>
        await db.Recommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.MeetingId == meeting.Id, cancellationToken)
        ?? throw new DomainException("recommendation.unknown", "Deze aanbeveling hoort niet bij deze bespreking.");

    /// <param name="input">The text to guard (add, edit): a recommendation travels to the coordinator and into every export.</param>
    private async Task<RecommendationOutcome> ChangeAsync(
        string action, Guid meetingId, Guid? recommendationId, RecommendationInput? input, Func<Meeting, Task<Recommendation>> change, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !await access.IsMemberAsync(meeting.NeighbourhoodId, cancellationToken))
        {
            return RecommendationOutcome.Failed("forbidden", "Je bent geen lid van de wijk van deze bespreking.");
        }

        if (meeting.Status == MeetingStatus.Closed)
        {
            return RecommendationOutcome.Failed("meeting.closed", "Een gesloten bespreking kan niet meer worden gewijzigd.");
        }

        if (input is not null)
        {
            // The guarded names of every case on the agenda apply: a recommendation may name any of them.
            var verdict = await textGuard.CheckAsync(
                [.. meeting.Agenda.Select(a => a.CaseFileId)], cancellationToken, new GuardedField("text", input.Text ?? string.Empty));
            if (!verdict.IsClear)
            {
                await audit.RecordAsync(new AuditEvent(action, "denied", "Recommendation", recommendationId?.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
                return new RecommendationOutcome { Refused = verdict };
            }
        }

        Recommendation recommendation;
        try
        {
            recommendation = await change(meeting);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException error) when (error.Code == ConflictCode)
        {
            return await ConflictAsync(recommendationId!.Value, cancellationToken);
        }
        catch (DomainException error)
        {
            return RecommendationOutcome.Failed(error.Code, error.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(recommendationId!.Value, cancellationToken);
        }

        await audit.RecordAsync(new AuditEvent(action, "success", "Recommendation", recommendation.Id.ToString(), meeting.NeighbourhoodId, "Member"), cancellationToken);
        return new RecommendationOutcome { Value = RecommendationMapping.View(recommendation) };
    }

    /// <summary>The refusal of a stale change, with the version that is current now (none when it was deleted meanwhile).</summary>
    private async Task<RecommendationOutcome> ConflictAsync(Guid recommendationId, CancellationToken cancellationToken)
    {
        var current = await db.Recommendations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recommendationId, cancellationToken);
        return RecommendationOutcome.Failed(ConflictCode, ConflictMessage) with { Current = current is null ? null : RecommendationMapping.View(current) };
    }
}

/// <summary>
/// What a change came to: the recommendation as it is now (<see cref="Value"/>), a refusal by the anonymisation guard
/// (<see cref="Refused"/>), or an error code and Dutch message; a conflict also carries the <see cref="Current"/> version.
/// </summary>
public sealed record RecommendationOutcome
{
    public RecommendationView? Value { get; init; }

    public GuardVerdict? Refused { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public RecommendationView? Current { get; init; }

    public bool Ok => Value is not null;

    public static RecommendationOutcome Failed(string code, string message) => new() { ErrorCode = code, ErrorMessage = message };
}
