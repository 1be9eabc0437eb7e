namespace Proeftuin.Core.Meetings;

public enum MeetingStatus
{
    /// <summary>Gepland.</summary>
    Planned = 1,

    /// <summary>Bezig: the live session.</summary>
    Live = 2,

    /// <summary>Gesloten: nothing can be changed any more.</summary>
    Closed = 3,

    /// <summary>Geannuleerd by the chair before it started, with a reason; nothing can be changed any more.</summary>
    Cancelled = 4,
}
