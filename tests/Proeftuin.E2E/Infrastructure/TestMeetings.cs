using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>A meeting of its own for a test, so no other test in the browser collection starts or closes it.</summary>
internal static class TestMeetings
{
    /// <summary>Plans a meeting tomorrow in <paramref name="wijk"/> with the wijk's first editable case on the agenda.</summary>
    public static async Task<Guid> PlanAsync(BrowserSession session, string neighbourhood, string title)
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhoodId = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
        var chairId = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhoodId && m.Role == Core.Professionals.MembershipRole.Chair)
            .Select(m => m.ProfessionalId).FirstAsync();
        var caseFile = await db.CaseFiles
            .Where(c => c.NeighbourhoodId == neighbourhoodId && c.Status != CaseStatus.Archived)
            .OrderBy(c => c.Code)
            .FirstAsync();
        var meeting = new Meeting(Guid.NewGuid(), neighbourhoodId, title, DateTime.UtcNow.AddDays(1), chairId);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 20);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>
    /// A meeting in <paramref name="neighbourhood"/> held <paramref name="heldDaysAgo"/> days ago and closed, with one
    /// agreed recommendation for its case owned by <paramref name="ownerEmail"/> and due <paramref name="dueDaysAgo"/>
    /// days ago: an action to follow up after the meeting. Returns the recommendation's id.
    /// </summary>
    public static async Task<Guid> HeldWithActionAsync(BrowserSession session, string neighbourhood, string text, string ownerEmail, int heldDaysAgo, int dueDaysAgo)
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhoodId = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
        var chairId = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhoodId && m.Role == Core.Professionals.MembershipRole.Chair)
            .Select(m => m.ProfessionalId).FirstAsync();
        var ownerId = await db.Professionals.Where(p => p.Email == ownerEmail).Select(p => p.Id).SingleAsync();
        var caseFile = await db.CaseFiles
            .Where(c => c.NeighbourhoodId == neighbourhoodId && c.Status != CaseStatus.Archived)
            .OrderBy(c => c.Code)
            .FirstAsync();
        var held = DateTime.UtcNow.AddDays(-heldDaysAgo);
        var meeting = new Meeting(Guid.NewGuid(), neighbourhoodId, $"Bespreking: {text}", held, chairId);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 20);
        meeting.Start(held);
        meeting.Close(0, held.AddHours(1));
        var recommendation = new Recommendation(Guid.NewGuid(), neighbourhoodId, meeting.Id, caseFile.Id, new RecommendationDetails
        {
            Text = text,
            Pillars = VisionPillar.ProfessionalCoordination,
            Level = RecommendationLevel.Case,
            OwnerId = ownerId,
            DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-dueDaysAgo)),
        }, chairId, held.AddMinutes(30));
        recommendation.ChangeStatus(recommendation.Version, RecommendationStatus.Agreed, held.AddMinutes(40));
        db.Meetings.Add(meeting);
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync();
        return recommendation.Id;
    }
}
