using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

public sealed class Revision_inbox_rules
{
    [Fact]
    public void Events_run_in_revision_order_whatever_order_they_arrive_in()
    {
        var inbox = new RevisionInbox(3);
        var seen = new List<long>();

        inbox.Deliver(6, () => seen.Add(6));
        inbox.Deliver(5, () => seen.Add(5));
        inbox.Deliver(3, () => seen.Add(3));
        inbox.Deliver(4, () => seen.Add(4));

        Assert.Equal([4, 5, 6], seen);
        Assert.Equal(6, inbox.Revision);
    }

    [Fact]
    public void Duplicates_at_or_below_the_current_revision_are_dropped()
    {
        var inbox = new RevisionInbox(0);
        var count = 0;

        inbox.Deliver(1, () => count++);
        inbox.Deliver(1, () => count++);

        Assert.Equal(1, count);
    }
}
