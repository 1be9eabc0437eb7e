using System.Text;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>What the coordinator tests need from the demo database, and a small CSV reader to check exports with.</summary>
internal static class CoordinationTestData
{
    public const string Coordinator = "hanna.koster@demo.proeftuin.nl";
    public const string Member = "kevin.smit@demo.proeftuin.nl";

    public static Task<Guid> RecommendationIdAsync(this ProeftuinWebFactory factory, string wijkSlug, string textStart) =>
        factory.QueryAsync(async db =>
        {
            var wijk = await db.Neighbourhoods.SingleAsync(n => n.Slug == wijkSlug);
            var all = await db.Recommendations.Where(r => r.NeighbourhoodId == wijk.Id).ToListAsync();
            return all.Single(r => r.Text.StartsWith(textStart, StringComparison.Ordinal)).Id;
        });

    /// <summary>Adds a recommendation whose text a spreadsheet would run as a formula.</summary>
    public static Task<Guid> AddRecommendationAsync(this ProeftuinWebFactory factory, string wijkSlug, string text) =>
        factory.QueryAsync(async db =>
        {
            var wijk = await db.Neighbourhoods.SingleAsync(n => n.Slug == wijkSlug);
            var author = await db.Memberships.Where(m => m.NeighbourhoodId == wijk.Id).Select(m => m.ProfessionalId).FirstAsync();
            var recommendation = new Recommendation(Guid.NewGuid(), wijk.Id, null, null,
                new RecommendationDetails(text, VisionPillar.Preconditions, RecommendationLevel.City, [], null, null), author, DateTime.UtcNow);
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return recommendation.Id;
        });

    /// <summary>RFC 4180: fields separated by <paramref name="separator"/>, quoted fields may hold separators, quotes and line breaks.</summary>
    public static List<List<string>> ParseCsv(string csv, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
