namespace Proeftuin.Core.Collaboration;

/// <summary>
/// Puts what the server says about a document back in revision order before the client state machine sees it. An ack
/// of our own operation and another client's operation travel as separate messages (and, with several nodes, through
/// different paths), so they can arrive out of order; the Jupiter client needs them strictly by revision. Events at or
/// below the current revision are duplicates (e.g. broadcasts that overlap a join snapshot) and are dropped.
/// </summary>
public sealed class RevisionInbox(long revision)
{
    private readonly SortedDictionary<long, Action> _waiting = [];
    private readonly Lock _lock = new();

    public long Revision { get; private set; } = revision;

    /// <summary>Queues the handling of revision <paramref name="eventRevision"/> and runs whatever is now in order.</summary>
    public void Deliver(long eventRevision, Action handle)
    {
        lock (_lock)
        {
            if (eventRevision <= Revision)
            {
                return;
            }

            _waiting[eventRevision] = handle;
            while (_waiting.Remove(Revision + 1, out var next))
            {
                Revision++;
                next();
            }
        }
    }
}
