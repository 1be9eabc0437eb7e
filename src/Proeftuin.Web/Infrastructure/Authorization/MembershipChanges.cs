namespace Proeftuin.Web.Infrastructure.Authorization;

/// <summary>
/// A counter that moves on whenever this node changes a wijk membership (removed, added, role changed). Whatever
/// caches a membership per connection (the meeting room's <c>MeetingCaller</c>) remembers the counter it checked at and
/// checks again once it moved, so a change takes effect at the caller's next call instead of at its next join.
/// </summary>
public sealed class MembershipChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Changed() => Interlocked.Increment(ref _version);
}
