namespace Proeftuin.Web.Features.Meetings;

/// <summary>Marker type for the meeting room's texts in Resources/Features.Meetings.RoomText*.resx.</summary>
public sealed class RoomText;
