using System.Collections.Concurrent;
using Proeftuin.Core.Anonymization;

namespace Proeftuin.Web.Features.Anonymization;

/// <summary>What the detector needs besides a case's text: its guarded name hashes and its members' dismissals.</summary>
public sealed record CaseFindingInputsEntry(IReadOnlySet<string> GuardedNames, IReadOnlyList<FindingDismissal> Dismissals);

/// <summary>
/// The guarded names and dismissals of each case whose text is being typed in, so the live re-check (after every burst
/// of edits, per document) does not read them from the database each time (issue 19). A save of a guarded name or a
/// dismissal on this node forgets them at once (<see cref="Meetings.Live.LiveCacheInvalidator"/>, and
/// <see cref="Cases.Preparation.CaseEditRelay.RecheckAsync"/> for the bulk replace of guarded names); a change on
/// another node is seen after at most <see cref="MaxAge"/>. Only hashes are held, never a name or a case text.
/// </summary>
public sealed class CaseFindingInputs(TimeProvider time)
{
    /// <summary>How long inputs are trusted without a change seen on this node (another node's save).</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly Dictionary<Guid, long> _generations = [];
    private readonly Lock _gate = new();

    public async ValueTask<CaseFindingInputsEntry> GetAsync(Guid caseId, Func<CancellationToken, Task<CaseFindingInputsEntry>> load, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(caseId, out var entry) && time.GetElapsedTime(entry.LoadedAt) < MaxAge)
        {
            return entry.Inputs;
        }

        long generation;
        lock (_gate)
        {
            generation = _generations.GetValueOrDefault(caseId);
        }

        var loadedAt = time.GetTimestamp();
        var inputs = await load(cancellationToken);
        lock (_gate)
        {
            // A change saved while these were read may not be in them: use them for this check only.
            if (_generations.GetValueOrDefault(caseId) == generation)
            {
                _entries[caseId] = new Entry(inputs, loadedAt);
            }
        }

        return inputs;
    }

    /// <summary>A guarded name or a dismissal of the case changed: the next check reads them again.</summary>
    public void Forget(Guid caseId)
    {
        lock (_gate)
        {
            _generations[caseId] = _generations.GetValueOrDefault(caseId) + 1;
            _entries.TryRemove(caseId, out _);
        }
    }

    private sealed record Entry(CaseFindingInputsEntry Inputs, long LoadedAt);
}
