namespace Proeftuin.Data.Notifications;

/// <summary>A member's choice for one topic; without a row the mail is sent (every topic is on by default).</summary>
public sealed class NotificationPreference
{
    public required Guid ProfessionalId { get; init; }

    public required NotificationTopic Topic { get; init; }

    public bool Enabled { get; set; }
}
