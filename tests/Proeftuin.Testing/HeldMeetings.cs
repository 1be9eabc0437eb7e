using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;

namespace Proeftuin.Testing;

/// <summary>A recommendation a test wants made in a held meeting.</summary>
public sealed record HeldRecommendation(string Text, VisionPillar Pillars, RecommendationLevel Level);

/// <summary>
/// A meeting held (started, closed) at a moment a test chooses, with recommendations made in it and evaluations given
/// by its members: data for an earlier period than the demo's one meeting, e.g. for the coordinator's report.
/// </summary>
public static class HeldMeetings
{
    public static async Task<Guid> HeldMeetingAsync(
        this IServiceProvider services, string neighbourhood, DateTime heldUtc, IReadOnlyList<HeldRecommendation> recommendations, IReadOnlyList<(int Score, string? Remark)> evaluations)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhoodId = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
        var members = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhoodId).OrderByDescending(m => m.Role == MembershipRole.Chair)
            .Select(m => m.ProfessionalId).ToListAsync();
        var caseFile = await db.CaseFiles.Where(c => c.NeighbourhoodId == neighbourhoodId && c.Status != CaseStatus.Archived).OrderBy(c => c.Code).FirstAsync();
        var meeting = new Meeting(Guid.NewGuid(), neighbourhoodId, "Eerdere casuïstiekbespreking", heldUtc, members[0]);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 45);
        meeting.Start(heldUtc);
        foreach (var member in members)
        {
            meeting.RecordAttendance(member, heldUtc.AddMinutes(1));
        }

        meeting.Close(0, heldUtc.AddMinutes(55));
        db.Meetings.Add(meeting);
        foreach (var r in recommendations)
        {
            db.Recommendations.Add(new Recommendation(Guid.NewGuid(), neighbourhoodId, meeting.Id, null,
                new RecommendationDetails { Text = r.Text, Pillars = r.Pillars, Level = r.Level, AddressedTo = [], OwnerId = null, DueDate = null }, members[0], heldUtc.AddMinutes(40)));
        }

        for (var i = 0; i < evaluations.Count; i++)
        {
            db.MeetingEvaluations.Add(meeting.Evaluate(Guid.NewGuid(), members[i % members.Count], evaluations[i].Score, evaluations[i].Remark, heldUtc.AddMinutes(56)));
        }

        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
