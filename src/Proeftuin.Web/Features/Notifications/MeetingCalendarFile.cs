using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Proeftuin.Data.Notifications;
using Proeftuin.Web.Infrastructure.Mail;

namespace Proeftuin.Web.Features.Notifications;

/// <summary>
/// The iCalendar attachment of a meeting mail (RFC 5545/5546 with Ical.Net): one VEVENT whose UID is the meeting's
/// (<see cref="MeetingCalendar.UidOf"/>), times in Europe/Amsterdam with its VTIMEZONE, SEQUENCE from the outbox row,
/// METHOD:REQUEST for an invitation or update and METHOD:CANCEL (STATUS:CANCELLED) for a cancellation, so the
/// recipient's calendar keeps one entry and updates or removes it. Title and link only: no case text.
/// </summary>
public static class MeetingCalendarFile
{
    public const string TimeZoneId = "Europe/Amsterdam";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public sealed record Details(Guid MeetingId, string Title, DateTime StartUtc, int DurationMinutes, int Sequence, bool Cancelled, string Link, string OrganizerEmail, string AttendeeEmail, DateTime StampUtc);

    public static string Write(Details meeting)
    {
        var startLocal = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(meeting.StartUtc, DateTimeKind.Utc), Amsterdam);
        var endLocal = startLocal.AddMinutes(Math.Max(meeting.DurationMinutes, 15));
        var calendarEvent = new CalendarEvent
        {
            Uid = MeetingCalendar.UidOf(meeting.MeetingId),
            Sequence = meeting.Sequence,
            Summary = meeting.Title,
            Description = meeting.Link,
            Url = new Uri(meeting.Link),
            Start = new CalDateTime(startLocal, TimeZoneId),
            End = new CalDateTime(endLocal, TimeZoneId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(meeting.StampUtc, DateTimeKind.Utc)),
            Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + meeting.OrganizerEmail) { CommonName = "Proeftuin" },
        };
        calendarEvent.Attendees.Add(new Attendee("mailto:" + meeting.AttendeeEmail) { Role = ParticipationRole.RequiredParticipant, ParticipationStatus = EventParticipationStatus.NeedsAction });

        var calendar = new Calendar { Method = meeting.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Request };
        calendar.AddTimeZone(new VTimeZone(TimeZoneId));
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The attachment: <c>text/calendar; method=…</c>, as calendar clients expect an invitation.</summary>
    public static MailAttachment Attachment(Details meeting) =>
        new("uitnodiging.ics", "text", "calendar", Write(meeting), new Dictionary<string, string> { ["method"] = meeting.Cancelled ? "CANCEL" : "REQUEST" });
}
