using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Features.Cases.Preparation;

/// <summary>
/// Who is on which case page, per connection: the meeting room's <see cref="Presence"/> (colours, cursor throttle)
/// with a case id where the room has a meeting id. A separate instance, so a connection can be in a meeting room
/// and on a case page without one leaving the other.
/// </summary>
public sealed class CasePresence
{
    public Presence Rooms { get; } = new();
}
