using System.Globalization;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Infrastructure.Localization;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>Counts for the workspace: pillar × wijk, and recommendations per month over the last twelve months.</summary>
public static class RecommendationStatistics
{
    public const int TrendMonths = 12;

    /// <summary>
    /// Per wijk (in the given order) the number of recommendations serving each pillar, from the database's counts per
    /// wijk and combination of pillars; one recommendation can serve several pillars.
    /// </summary>
    public static IReadOnlyList<(Guid NeighbourhoodId, string NeighbourhoodName, IReadOnlyList<int> PerPillar)> Matrix(
        IReadOnlyList<(Guid NeighbourhoodId, VisionPillar Pillars, int Count)> counts, IReadOnlyList<(Guid Id, string Name)> neighbourhoods) =>
        [.. neighbourhoods.Select(w => (w.Id, w.Name, (IReadOnlyList<int>)[.. VisionPillars.Each.Select(p => counts.Where(c => c.NeighbourhoodId == w.Id && c.Pillars.HasFlag(p)).Sum(c => c.Count))]))];

    /// <summary>The first of the oldest month of the trend, in Amsterdam time, as UTC: where the counts start.</summary>
    public static DateTime TrendStartUtc(DateTime nowUtc) =>
        AmsterdamTime.ToUtc(Months(nowUtc)[0], TimeOnly.MinValue) ?? nowUtc.AddMonths(-TrendMonths);

    /// <summary>The twelve months up to and including the current one (Amsterdam time), oldest first, with their counts.</summary>
    public static IReadOnlyList<(DateOnly Month, int Count)> Trend(IReadOnlyList<(DateTime DateUtc, int Count)> counts, DateTime nowUtc)
    {
        var perMonth = counts
            .Select(c => (Local: TimeZoneInfo.ConvertTimeFromUtc(c.DateUtc, AmsterdamTime.Zone), c.Count))
            .GroupBy(c => new DateOnly(c.Local.Year, c.Local.Month, 1))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return [.. Months(nowUtc).Select(m => (m, perMonth.GetValueOrDefault(m)))];
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MMM yy", CultureInfo.CurrentCulture);

    private static List<DateOnly> Months(DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, AmsterdamTime.Zone);
        var thisMonth = new DateOnly(local.Year, local.Month, 1);
        return [.. Enumerable.Range(0, TrendMonths).Select(i => thisMonth.AddMonths(i - TrendMonths + 1))];
    }
}
