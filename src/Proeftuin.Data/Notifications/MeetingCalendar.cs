namespace Proeftuin.Data.Notifications;

/// <summary>
/// The calendar entry of a meeting as the members' calendars know it: its UID is derived from the meeting id, and its
/// SEQUENCE grows with every change so a calendar replaces (or cancels) the entry instead of adding one.
/// </summary>
public sealed class MeetingCalendar
{
    public required Guid MeetingId { get; init; }

    public int Sequence { get; set; }

    public bool Cancelled { get; set; }

    public static string UidOf(Guid meetingId) => $"{meetingId:D}@proeftuin";
}
