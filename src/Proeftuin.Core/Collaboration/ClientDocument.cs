namespace Proeftuin.Core.Collaboration;

/// <summary>
/// A client's side of a co-edited document (the Jupiter client): at most one operation awaits the server's ack;
/// edits made meanwhile are composed into a buffer; operations from the server are transformed over both. The same
/// state machine as client/collaboration/client-document.ts in the browser.
/// </summary>
public sealed class ClientDocument(string clientId, string text, long revision)
{
    private PendingOperation? _awaiting;
    private TextOperation? _buffer;
    private long _nextSeq = 1;

    public string ClientId { get; } = clientId;

    public string Text { get; private set; } = text;

    /// <summary>The last server revision this client has seen.</summary>
    public long Revision { get; private set; } = revision;

    public ClientState State => _awaiting is null ? ClientState.Synchronized : _buffer is null ? ClientState.AwaitingAck : ClientState.AwaitingWithBuffer;

    /// <summary>The submission awaiting an ack, to resend after a reconnect.</summary>
    public PendingOperation? Awaiting => _awaiting;

    /// <summary>Applies a local edit; returns the submission to send now, or null when one is already in flight.</summary>
    public PendingOperation? ApplyLocal(TextOperation operation)
    {
        Text = operation.Apply(Text);
        if (_awaiting is null)
        {
            _awaiting = new PendingOperation(Revision, operation, _nextSeq++);
            return _awaiting;
        }

        _buffer = _buffer is null ? operation : TextOperation.Compose(_buffer, operation);
        return null;
    }

    /// <summary>The server applied our submission as <paramref name="revision"/>; returns the next one to send, if any.</summary>
    public PendingOperation? Acknowledge(long revision)
    {
        if (_awaiting is null)
        {
            throw new InvalidOperationException("Er wacht geen wijziging op bevestiging.");
        }

        Revision = revision;
        _awaiting = null;
        if (_buffer is null)
        {
            return null;
        }

        _awaiting = new PendingOperation(Revision, _buffer, _nextSeq++);
        _buffer = null;
        return _awaiting;
    }

    /// <summary>Applies another client's operation (revision <paramref name="revision"/>) over our pending edits.</summary>
    public void ApplyServer(TextOperation operation, long revision)
    {
        if (_awaiting is { } awaiting)
        {
            (operation, var awaitingPrime) = TextOperation.Transform(operation, awaiting.Operation);
            _awaiting = awaiting with { Operation = awaitingPrime };
            if (_buffer is not null)
            {
                (operation, _buffer) = TextOperation.Transform(operation, _buffer);
            }
        }

        Text = operation.Apply(Text);
        Revision = revision;
    }

    /// <summary>
    /// After a reconnect: takes in the operations the server applied since <see cref="Revision"/>. Our own submission
    /// among them counts as its ack. Returns what to (re)send: the pending submission with an updated base revision
    /// and the same sequence number, so the server applies it once.
    /// </summary>
    public PendingOperation? Resync(IEnumerable<AppliedOperation> missed)
    {
        PendingOperation? next = null;
        foreach (var applied in missed.Where(a => a.Revision > Revision).OrderBy(a => a.Revision))
        {
            if (_awaiting is { } awaiting && applied.ClientId == ClientId && applied.ClientSeq == awaiting.ClientSeq)
            {
                next = Acknowledge(applied.Revision);
            }
            else
            {
                ApplyServer(applied.Operation, applied.Revision);
            }
        }

        if (_awaiting is null)
        {
            return next;
        }

        _awaiting = _awaiting with { BaseRevision = Revision };
        return _awaiting;
    }

    /// <summary>Maps a cursor or selection end through an operation from the server, as <see cref="ApplyServer"/> does.</summary>
    public static int MapIndex(int index, TextOperation serverOperation) => serverOperation.TransformIndex(index, moveOnInsertAt: false);
}

public enum ClientState
{
    Synchronized,
    AwaitingAck,
    AwaitingWithBuffer,
}

/// <summary>A submission: the operation, the revision it is based on, and its sequence number for idempotency.</summary>
public sealed record PendingOperation(long BaseRevision, TextOperation Operation, long ClientSeq);
