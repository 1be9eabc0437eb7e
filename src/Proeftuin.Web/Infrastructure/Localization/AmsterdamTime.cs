using System.Globalization;

namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>
/// The wijken meet in Utrecht: times are stored in UTC and shown and entered as Europe/Amsterdam local time, whatever
/// the server's own time zone is.
/// </summary>
public static class AmsterdamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>E.g. "donderdag 14 januari 2027, 12:00" in the current culture.</summary>
    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    /// <summary>Local date and time in Amsterdam to UTC; null for a time that does not exist (the spring-forward hour).</summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
