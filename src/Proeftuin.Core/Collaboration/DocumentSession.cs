namespace Proeftuin.Core.Collaboration;

/// <summary>
/// The server's copy of one co-edited document: text, revision and the recent op log. Submissions are transformed over
/// the operations the client had not seen, persisted through a callback, then applied — one at a time per document
/// (an async lock), while other documents go on in parallel.
/// </summary>
public sealed class DocumentSession
{
    public const int DefaultHistoryLimit = 2000;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly GapBuffer _text;
    private readonly LinkedList<AppliedOperation> _history = new();
    private readonly Dictionary<(Guid? Author, string ClientId), AppliedOperation> _lastByClient = [];
    private readonly int _historyLimit;
    private readonly TimeProvider _time;
    private string? _textCache;

    /// <summary>
    /// A session at <paramref name="revision"/> with <paramref name="text"/>, and the ops that led up to it (oldest
    /// first, ending at <paramref name="revision"/>), so clients based on those revisions can still submit and
    /// resubmissions are recognised after a restart.
    /// </summary>
    public DocumentSession(string documentId, string text, long revision, IEnumerable<AppliedOperation>? recentOperations = null, int historyLimit = DefaultHistoryLimit, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyLimit, 1);
        DocumentId = documentId;
        _text = new GapBuffer(text);
        Revision = revision;
        _historyLimit = historyLimit;
        _time = time ?? TimeProvider.System;
        var expected = revision - (recentOperations?.Count() ?? 0) + 1;
        foreach (var operation in recentOperations ?? [])
        {
            if (operation.Revision != expected++)
            {
                throw new ArgumentException("The recent operations must be consecutive and end at the revision.", nameof(recentOperations));
            }

            Remember(operation);
        }
    }

    public string DocumentId { get; }

    public long Revision { get; private set; }

    public int Length => _text.Length;

    /// <summary>The oldest revision a client may still base a submission on.</summary>
    public long OldestBaseRevision => _history.First is { } first ? first.Value.Revision - 1 : Revision;

    /// <summary>The current text. Read it under no lock of your own: a consistent copy is taken.</summary>
    public string Text
    {
        get
        {
            _lock.Wait();
            try
            {
                return _textCache ??= _text.ToString();
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    /// <summary>Text and revision at one moment, for a joining client.</summary>
    public async Task<(string Text, long Revision)> SnapshotAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return (_textCache ??= _text.ToString(), Revision);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Submits without persistence (tests, benchmarks, a single in-memory node).</summary>
    public SubmitResult Submit(long baseRevision, TextOperation operation, string clientId, long clientSeq, Guid? authorId = null) =>
        SubmitAsync(baseRevision, operation, clientId, clientSeq, authorId, persist: null, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Submits for an unnamed author (tests, benchmarks); see the overload with an author.</summary>
    public ValueTask<SubmitResult> SubmitAsync(
        long baseRevision,
        TextOperation operation,
        string clientId,
        long clientSeq,
        Func<AppliedOperation, CancellationToken, ValueTask>? persist,
        CancellationToken cancellationToken) =>
        SubmitAsync(baseRevision, operation, clientId, clientSeq, authorId: null, persist, cancellationToken);

    /// <summary>
    /// Transforms <paramref name="operation"/> (based on <paramref name="baseRevision"/>) over everything applied
    /// since, hands the result to <paramref name="persist"/> (the durable op log: written before the client is acked)
    /// and only then applies it. If persist throws, nothing changes. A resubmitted (author, clientId, clientSeq) returns
    /// the original result without applying it again; the author is part of the key, so nobody can claim another
    /// participant's client id to have their edits taken for resubmissions. The transformed operation is checked
    /// against the current text before it is persisted: the log only ever holds operations that apply.
    /// </summary>
    public async ValueTask<SubmitResult> SubmitAsync(
        long baseRevision,
        TextOperation operation,
        string clientId,
        long clientSeq,
        Guid? authorId,
        Func<AppliedOperation, CancellationToken, ValueTask>? persist,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_lastByClient.TryGetValue((authorId, clientId), out var last) && clientSeq <= last.ClientSeq)
            {
                return clientSeq == last.ClientSeq
                    ? new SubmitResult(last, Duplicate: true)
                    : throw new OperationException("operation.sequence", "Deze wijziging is al eerder verwerkt.");
            }

            if (baseRevision > Revision || baseRevision < 0)
            {
                throw new OperationException("operation.revision", $"Onbekende versie {baseRevision} (het document is bij versie {Revision}).");
            }

            if (baseRevision < OldestBaseRevision)
            {
                throw new StaleRevisionException(baseRevision, OldestBaseRevision);
            }

            var transformed = operation;
            foreach (var concurrent in Since(baseRevision))
            {
                transformed = TextOperation.Transform(concurrent.Operation, transformed).BPrime;
            }

            if (transformed.BaseLength != _text.Length)
            {
                throw new OperationException("operation.length", $"De wijziging past niet op het document ({transformed.BaseLength} tekens verwacht, {_text.Length} aanwezig).");
            }

            transformed.EnsureAppliesTo(_text.Length);
            var applied = new AppliedOperation(DocumentId, Revision + 1, transformed, clientId, clientSeq, _time.GetUtcNow().UtcDateTime, authorId);
            if (persist is not null)
            {
                await persist(applied, cancellationToken);
            }

            Commit(applied);
            return new SubmitResult(applied, Duplicate: false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Takes in an operation another node applied (read back from the shared op log). It must be the next revision.
    /// </summary>
    public async Task ApplyRemoteAsync(AppliedOperation applied, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (applied.Revision <= Revision)
            {
                return;
            }

            if (applied.Revision != Revision + 1)
            {
                throw new OperationException("operation.gap", $"Versie {Revision + 1} ontbreekt; ontvangen versie {applied.Revision}.");
            }

            applied.Operation.EnsureAppliesTo(_text.Length);
            Commit(applied);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The applied operations after <paramref name="revision"/>, oldest first (for a client catching up).</summary>
    public async Task<IReadOnlyList<AppliedOperation>> OperationsSinceAsync(long revision, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (revision < OldestBaseRevision)
            {
                throw new StaleRevisionException(revision, OldestBaseRevision);
            }

            return [.. Since(revision)];
        }
        finally
        {
            _lock.Release();
        }
    }

    private IEnumerable<AppliedOperation> Since(long revision)
    {
        // History is short and newest ops are at the end: walk back to the first one after the revision.
        var node = _history.Last;
        while (node is not null && node.Value.Revision > revision + 1)
        {
            node = node.Previous;
        }

        for (; node is not null; node = node.Next)
        {
            if (node.Value.Revision > revision)
            {
                yield return node.Value;
            }
        }
    }

    private void Commit(AppliedOperation applied)
    {
        applied.Operation.ApplyTo(_text);
        _textCache = null;
        Revision = applied.Revision;
        Remember(applied);
    }

    private void Remember(AppliedOperation applied)
    {
        _history.AddLast(applied);
        _lastByClient[(applied.AuthorId, applied.ClientId)] = applied;
        while (_history.Count > _historyLimit)
        {
            _history.RemoveFirst();
        }
    }
}
