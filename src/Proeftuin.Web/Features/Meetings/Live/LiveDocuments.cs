using System.Collections.Concurrent;
using Proeftuin.Core.Collaboration;
using Proeftuin.Data.Collaboration;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// The documents being co-edited on this node, loaded once from the op log. Submissions are written to the log before
/// they are applied; when another node wrote the same revision first, the missed operations are taken in and the
/// submission is transformed over them and tried again.
/// </summary>
public sealed class LiveDocuments(DocumentStore store, TimeProvider time, Infrastructure.ScaleOut.RevisionNotices notices, RoomBroadcasts broadcasts)
{
    /// <summary>How long a submission may keep losing races to other nodes before the client is told to try again.</summary>
    private static readonly TimeSpan ConflictBudget = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Lazy<Task<DocumentSession>>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastFindings = new(StringComparer.Ordinal);

    /// <summary>True when the findings differ from the ones last sent to the room for this document (and remembers them).</summary>
    public bool FindingsChanged(string documentId, IEnumerable<(int Start, int End, string Category)> findings)
    {
        var key = string.Join(';', findings.Select(f => $"{f.Start}-{f.End}-{f.Category}"));
        var changed = !_lastFindings.TryGetValue(documentId, out var last) || last != key;
        _lastFindings[documentId] = key;
        return changed;
    }

    public Task<DocumentSession> GetAsync(DocumentId documentId, string baseText, CancellationToken cancellationToken) =>
        GetAsync(documentId, () => Task.FromResult(baseText), cancellationToken);

    /// <summary>The live session; <paramref name="baseText"/> (the case text as stored) is read only if the session is not loaded yet.</summary>
    public async Task<DocumentSession> GetAsync(DocumentId documentId, Func<Task<string>> baseText, CancellationToken cancellationToken)
    {
        var key = documentId.ToString();
        var loading = _sessions.GetOrAdd(key, _ => new Lazy<Task<DocumentSession>>(async () => await LoadAsync(documentId, await baseText())));
        try
        {
            return await loading.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (loading.Value.IsFaulted)
        {
            // A failed load (e.g. the database was briefly away) is not remembered: the next caller loads again.
            _sessions.TryRemove(KeyValuePair.Create(key, loading));
            throw;
        }
    }

    /// <summary>
    /// Raised on the submitting node after every applied (not duplicate) edit, with where it came from: a case text is
    /// open in the meeting room and on the case page at once, and each side must see what the other applied.
    /// </summary>
    public event Action<LiveEdit>? Applied;

    /// <summary>Applies an edit of <paramref name="authorId"/> made in the meeting room.</summary>
    public Task<SubmitResult> SubmitAsync(DocumentSession session, SubmitRequest request, Guid authorId, CancellationToken cancellationToken) =>
        SubmitAsync(session, request, authorId, EditOrigin.MeetingRoom, cancellationToken);

    /// <summary>Applies an edit of <paramref name="authorId"/>; the request's operation must have been read without refusal.</summary>
    public async Task<SubmitResult> SubmitAsync(DocumentSession session, SubmitRequest request, Guid authorId, EditOrigin origin, CancellationToken cancellationToken)
    {
        var operation = request.Operation.Value;
        // The client, or another node, saw revisions this node has not: take them in first instead of losing the race.
        if (request.BaseRevision > session.Revision || notices.LatestElsewhere(session.DocumentId) > session.Revision)
        {
            await RefreshAsync(session, cancellationToken);
        }

        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await session.SubmitAsync(request.BaseRevision, operation, request.ClientId, request.ClientSeq, authorId,
                    (applied, ct) => store.AppendAsync(applied, authorId, ct), cancellationToken);
                if (!result.Duplicate)
                {
                    notices.Written(session.DocumentId, result.Revision);
                    Applied?.Invoke(new LiveEdit(session, new OperationBroadcast(session.DocumentId, result.Revision, result.Operation, request.ClientId, request.ClientSeq), origin));
                    if (result.Revision % DocumentStore.SnapshotInterval == 0)
                    {
                        var (text, revision) = await session.SnapshotAsync(cancellationToken);
                        await store.SnapshotIfDueAsync(DocumentId.Parse(session.DocumentId), text, revision, time.GetUtcNow().UtcDateTime, cancellationToken);
                    }
                }

                return result;
            }
            catch (RevisionConflictException) when (time.GetElapsedTime(started) < ConflictBudget)
            {
                // Another node wrote this revision first: take in what it wrote and transform over it. A short random
                // pause keeps two busy nodes from colliding on every retry.
                await RefreshAsync(session, cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(attempt, 10))), time, cancellationToken);
            }
        }
    }

    /// <summary>Sends an applied operation to the whole room (its author included, as the ack) with the room's next batch.</summary>
    public void Broadcast(Guid meetingId, OperationBroadcast operation) => broadcasts.Publish(meetingId, operation);

    /// <summary>
    /// Takes in what other nodes appended to the log since this node last saw the document, so a client joining here
    /// gets the latest text (and the broadcasts that follow carry on from its revision without a gap).
    /// </summary>
    public async Task RefreshAsync(DocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var missed in await store.OperationsAfterAsync(DocumentId.Parse(session.DocumentId), session.Revision, cancellationToken))
        {
            await session.ApplyRemoteAsync(missed, cancellationToken);
        }
    }

    /// <summary>What a reconnecting client missed, read from the durable log so it survives a restart.</summary>
    public Task<IReadOnlyList<AppliedOperation>> OperationsAfterAsync(DocumentId documentId, long revision, CancellationToken cancellationToken) =>
        store.OperationsAfterAsync(documentId, revision, cancellationToken);

    private async Task<DocumentSession> LoadAsync(DocumentId documentId, string baseText)
    {
        await store.EnsureBaseAsync(documentId, baseText, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        return await store.LoadAsync(documentId, baseText, CancellationToken.None);
    }
}

/// <summary>
/// Where an edit was made: typed in a meeting room (<c>/hubs/meeting</c>) or on the case page (<c>/hubs/case</c>), or a
/// version the chair restored on the time line (no browser sent it, so both sides must hear of it).
/// </summary>
public enum EditOrigin
{
    MeetingRoom,
    CasePage,
    Restore,
}

/// <summary>An applied edit as the other side of a case text needs it: the session and the broadcast it would send.</summary>
public sealed record LiveEdit(DocumentSession Session, OperationBroadcast Broadcast, EditOrigin Origin);
