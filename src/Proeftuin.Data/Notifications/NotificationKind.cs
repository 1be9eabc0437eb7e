namespace Proeftuin.Data.Notifications;

/// <summary>The mails Proeftuin sends about the work of a wijk (stored by name).</summary>
public enum NotificationKind
{
    MeetingPlanned = 1,
    MeetingChanged = 2,
    MeetingCancelled = 3,
    MeetingReminder = 4,
    MinutesFinal = 5,
    OverdueDigest = 6,
}

/// <summary>What a member can switch off on their profile; planned, changed and cancelled go together so a calendar never misses an update.</summary>
public enum NotificationTopic
{
    Meetings = 1,
    Reminders = 2,
    MinutesFinal = 3,
    OverdueDigest = 4,
}

public static class NotificationKinds
{
    public static NotificationTopic TopicOf(NotificationKind kind) => kind switch
    {
        NotificationKind.MeetingPlanned or NotificationKind.MeetingChanged or NotificationKind.MeetingCancelled => NotificationTopic.Meetings,
        NotificationKind.MeetingReminder => NotificationTopic.Reminders,
        NotificationKind.MinutesFinal => NotificationTopic.MinutesFinal,
        NotificationKind.OverdueDigest => NotificationTopic.OverdueDigest,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
