using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>What the coordinator tests need from the demo database.</summary>
internal static class CoordinationTestData
{
    public const string Coordinator = "hanna.koster@demo.proeftuin.nl";
    public const string Member = "kevin.smit@demo.proeftuin.nl";

    public static Task<Guid> RecommendationIdAsync(this ProeftuinWebFactory factory, string neighbourhoodSlug, string textStart) =>
        factory.QueryAsync(async db =>
        {
            var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == neighbourhoodSlug);
            var all = await db.Recommendations.Where(r => r.NeighbourhoodId == neighbourhood.Id).ToListAsync();
            return all.Single(r => r.Text.StartsWith(textStart, StringComparison.Ordinal)).Id;
        });

    /// <summary>Adds a city-level recommendation (proposed, no owner), optionally with a due date.</summary>
    public static Task<Guid> AddRecommendationAsync(this ProeftuinWebFactory factory, string neighbourhoodSlug, string text, DateOnly? due = null) =>
        factory.QueryAsync(async db =>
        {
            var neighbourhood = await db.Neighbourhoods.SingleAsync(n => n.Slug == neighbourhoodSlug);
            var author = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhood.Id).Select(m => m.ProfessionalId).FirstAsync();
            var recommendation = new Recommendation(Guid.NewGuid(), neighbourhood.Id, null, null,
                new RecommendationDetails { Text = text, Pillars = VisionPillar.Preconditions, Level = RecommendationLevel.City, AddressedTo = [], OwnerId = null, DueDate = due }, author, DateTime.UtcNow);
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return recommendation.Id;
        });
}
