using System.Globalization;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>Counts for the workspace: pillar × wijk, and recommendations per month over the last twelve months.</summary>
public static class RecommendationStatistics
{
    /// <summary>Per wijk (in the given order) the number of recommendations serving each pillar; one can serve several.</summary>
    public static IReadOnlyList<(Guid WijkId, string WijkName, IReadOnlyList<int> PerPillar)> Matrix(
        IReadOnlyList<(Guid WijkId, VisionPillar Pillars, DateTime DateUtc)> facts, IReadOnlyList<(Guid Id, string Name)> wijken) =>
        [.. wijken.Select(w => (w.Id, w.Name, (IReadOnlyList<int>)[.. VisionPillars.Each.Select(p => facts.Count(f => f.WijkId == w.Id && f.Pillars.HasFlag(p)))]))];

    /// <summary>The twelve months up to and including the current one (Amsterdam time), oldest first.</summary>
    public static IReadOnlyList<(DateOnly Month, int Count)> Trend(IReadOnlyList<(Guid WijkId, VisionPillar Pillars, DateTime DateUtc)> facts, DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, AmsterdamTime.Zone);
        var thisMonth = new DateOnly(local.Year, local.Month, 1);
        var months = Enumerable.Range(0, 12).Select(i => thisMonth.AddMonths(i - 11)).ToList();
        var perMonth = facts
            .Select(f => TimeZoneInfo.ConvertTimeFromUtc(f.DateUtc, AmsterdamTime.Zone))
            .GroupBy(d => new DateOnly(d.Year, d.Month, 1))
            .ToDictionary(g => g.Key, g => g.Count());
        return [.. months.Select(m => (m, perMonth.GetValueOrDefault(m)))];
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MMM yy", CultureInfo.CurrentCulture);
}
