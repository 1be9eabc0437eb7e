using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Recommendations;

/// <summary>
/// The workspace's filters, bound from the query string (a GET form) so a filtered view can be bookmarked and the
/// exports get exactly the list the coordinator sees.
/// </summary>
public sealed class RecommendationFilter
{
    public const int PageSize = 50;

    public Guid? Neighbourhood { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public VisionPillar? Pillar { get; set; }

    public RecommendationLevel? Level { get; set; }

    public Discipline? Addressee { get; set; }

    public RecommendationStatus? Status { get; set; }

    public Guid? Owner { get; set; }

    public string? Text { get; set; }

    /// <summary>Optional (null = the first page), so an export link without it still binds.</summary>
    public int? Page { get; set; }

    public int SafePage => Math.Max(1, Page ?? 1);

    /// <summary>The filters (not the page) as a query string, for the export links and the pager.</summary>
    public string ToQueryString(int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["wijk"] = Neighbourhood?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["pillar"] = Pillar?.ToString(),
            ["level"] = Level?.ToString(),
            ["addressee"] = Addressee?.ToString(),
            ["status"] = Status?.ToString(),
            ["owner"] = Owner?.ToString(),
            ["text"] = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            ["page"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString(string.Empty, values.Where(v => v.Value is not null));
    }

    /// <summary>A one-line account of the filters for the heading of an export.</summary>
    public string Describe(IReadOnlyDictionary<Guid, string> neighbourhoodNames, IReadOnlyDictionary<Guid, string> ownerNames)
    {
        var parts = new List<string>();
        if (Neighbourhood is { } neighbourhood)
        {
            parts.Add("wijk " + neighbourhoodNames.GetValueOrDefault(neighbourhood, "?"));
        }

        if (From is { } from)
        {
            parts.Add("vanaf " + from.ToString(Exports.Compilation.DateFormat, CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            parts.Add("tot en met " + to.ToString(Exports.Compilation.DateFormat, CultureInfo.InvariantCulture));
        }

        if (Pillar is { } pillar && VisionPillars.Each.Contains(pillar))
        {
            parts.Add("pijler " + VisionPillars.Dutch(pillar));
        }

        if (Level is { } level && Enum.IsDefined(level))
        {
            parts.Add("niveau " + RecommendationStatusNames.Dutch(level));
        }

        if (Addressee is { } addressee)
        {
            parts.Add("gericht aan " + DisciplineNames.Dutch(addressee));
        }

        if (Status is { } status && Enum.IsDefined(status))
        {
            parts.Add("status " + RecommendationStatusNames.Dutch(status));
        }

        if (Owner is { } owner)
        {
            parts.Add("eigenaar " + ownerNames.GetValueOrDefault(owner, "?"));
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add($"tekst bevat ‘{Text.Trim()}’");
        }

        return parts.Count == 0 ? "alle aanbevelingen" : string.Join(", ", parts);
    }
}
