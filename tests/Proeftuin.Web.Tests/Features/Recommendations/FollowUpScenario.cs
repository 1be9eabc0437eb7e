using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Recommendations;

/// <summary>
/// An Ondiep meeting held two weeks ago and closed, with one agreed recommendation for its case, owned by
/// <paramref name="ownerEmail"/> and due a week ago: the situation follow-up is for.
/// </summary>
internal static class FollowUpScenario
{
    public const string Chair = "joost.mulder@demo.proeftuin.nl";     // Ondiep, chair
    public const string Owner = "kevin.smit@demo.proeftuin.nl";       // Ondiep, member
    public const string Member = "pieter.vandijk@demo.proeftuin.nl";  // Ondiep, member, not the owner
    public const string Outsider = "ingrid.meijer@demo.proeftuin.nl"; // Binnenstad
    public const string Coordinator = "hanna.koster@demo.proeftuin.nl";

    public static Task<Guid> ClosedMeetingWithActionAsync(ProeftuinWebFactory factory, string text, string ownerEmail = Owner, int dueDaysAgo = 7) =>
        factory.QueryAsync(async db =>
        {
            var ondiep = await db.Neighbourhoods.Where(n => n.Slug == "ondiep").Select(n => n.Id).SingleAsync();
            var chair = await db.Professionals.Where(p => p.Email == Chair).Select(p => p.Id).SingleAsync();
            var owner = await db.Professionals.Where(p => p.Email == ownerEmail).Select(p => p.Id).SingleAsync();
            var caseFile = await db.CaseFiles.Where(c => c.NeighbourhoodId == ondiep && c.Status != Core.Cases.CaseStatus.Archived).OrderBy(c => c.Code).FirstAsync();
            var held = DateTime.UtcNow.AddDays(-14);
            var meeting = new Meeting(Guid.NewGuid(), ondiep, $"Bespreking {text}", held, chair);
            meeting.AddToAgenda(Guid.NewGuid(), caseFile, 20);
            meeting.Start(held);
            meeting.Close(0, held.AddHours(1));
            var recommendation = new Recommendation(Guid.NewGuid(), ondiep, meeting.Id, caseFile.Id, new RecommendationDetails
            {
                Text = text,
                Pillars = VisionPillar.AppropriateCare,
                Level = RecommendationLevel.Case,
                OwnerId = owner,
                DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-dueDaysAgo)),
            }, chair, held.AddMinutes(30));
            recommendation.ChangeStatus(1, RecommendationStatus.Agreed, held.AddMinutes(40));
            db.Meetings.Add(meeting);
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return recommendation.Id;
        });
}
