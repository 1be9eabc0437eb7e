using System.Globalization;
using Proeftuin.Web.Infrastructure.Localization;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// A half-year, the unit the Academische Werkplaats reports in: <c>2026-H1</c> is January to June 2026 and
/// <c>2026-H2</c> July to December, whole days in Amsterdam time (the same days the workspace's date filter means).
/// </summary>
public sealed record ReportPeriod(int Year, int Half)
{
    public const int Choices = 8;

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Half}");

    public DateOnly From => new(Year, Half == 1 ? 1 : 7, 1);

    public DateOnly To => Half == 1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    /// <summary>The first moment of the period as UTC, and the first moment after it.</summary>
    public DateTime FromUtc => AmsterdamTime.ToUtc(From, TimeOnly.MinValue) ?? From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime UntilUtc => AmsterdamTime.ToUtc(To.AddDays(1), TimeOnly.MinValue) ?? To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public bool Contains(DateTime utc) => utc >= FromUtc && utc < UntilUtc;

    public ReportPeriod Previous() => Half == 1 ? new(Year - 1, 2) : new(Year, 1);

    /// <summary>The Dutch name the exports use: "1e halfjaar 2026".</summary>
    public string Dutch => string.Create(CultureInfo.InvariantCulture, $"{Half}e halfjaar {Year}");

    public static ReportPeriod Containing(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    /// <summary>The half-years to choose from: the current one and the seven before it, newest first.</summary>
    public static IReadOnlyList<ReportPeriod> Recent(DateOnly today)
    {
        var periods = new List<ReportPeriod> { Containing(today) };
        while (periods.Count < Choices)
        {
            periods.Add(periods[^1].Previous());
        }

        return periods;
    }

    /// <summary>Reads <c>2026-H1</c>; anything else, or a year outside 2000–2100, is no period.</summary>
    public static bool TryParse(string? value, out ReportPeriod period)
    {
        period = null!;
        if (value is not { Length: 7 } || value[4] != '-' || value[5] is not ('H' or 'h') || value[6] is not ('1' or '2')
            || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }

        period = new ReportPeriod(year, value[6] - '0');
        return true;
    }
}
