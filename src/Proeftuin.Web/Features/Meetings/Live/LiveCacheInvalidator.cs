using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Proeftuin.Core.Meetings;
using Proeftuin.Data.Anonymization;
using Proeftuin.Web.Features.Anonymization;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Forgets what the live service caches whenever a save changes it, wherever in the app that save happens: the
/// <see cref="MeetingEditFacts"/> and <see cref="MinutesFindingInputs"/> of every meeting whose state, agenda or verslag
/// changes (start, close, cancel, agenda edits, the verslag made or finalised), and the <see cref="CaseFindingInputs"/> of every case whose guarded names or
/// dismissals change, and the <see cref="CaseOpenMeetings"/> of a case put on or taken off an agenda (of every case when a
/// meeting changes). Forgotten before the save and again once it is committed (after the transaction, when one is
/// open), so an operation or a findings check never keeps facts from before the change.
/// </summary>
public sealed class LiveCacheInvalidator(MeetingEditStates states, MinutesFindingInputs minutesInputs, CaseFindingInputs caseInputs, CaseOpenMeetings caseMeetings) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Cached>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<Cached>? changed = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            foreach (var key in KeysOf(entry.Entity))
            {
                Forget(key);
                (changed ??= []).Add(key);
            }
        }

        if (changed is not null)
        {
            lock (_pending)
            {
                var pending = _pending.GetOrCreateValue(context);
                pending.UnionWith(changed);
            }
        }
    }

    /// <summary>Saved (or failed): forget again now, or at the end of the transaction the save ran in.</summary>
    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        HashSet<Cached>? pending;
        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out pending))
            {
                return;
            }

            _pending.Remove(context);
        }

        foreach (var key in pending)
        {
            Forget(key);
        }
    }

    /// <summary>What a saved entity makes stale: a meeting's facts, a case's finding inputs, which open meetings have a case.</summary>
    private static IEnumerable<Cached> KeysOf(object entity)
    {
        switch (entity)
        {
            case Meeting meeting:
                yield return new(CacheKind.Meeting, meeting.Id);
                // Opened, closed or cancelled: every case on its agenda may be in one open meeting more or fewer.
                yield return new(CacheKind.AllCaseMeetings, Guid.Empty);
                break;
            case AgendaItem item:
                yield return new(CacheKind.Meeting, item.MeetingId);
                yield return new(CacheKind.CaseMeetings, item.CaseFileId);
                break;
            case MeetingMinutes minutes:
                yield return new(CacheKind.Meeting, minutes.MeetingId);
                break;
            case CaseGuardedName name:
                yield return new(CacheKind.CaseInputs, name.CaseFileId);
                break;
            case CaseFindingDismissal dismissal:
                yield return new(CacheKind.CaseInputs, dismissal.CaseFileId);
                break;
        }
    }

    private void Forget(Cached key)
    {
        switch (key.Kind)
        {
            case CacheKind.Meeting:
                states.Forget(key.Id);
                minutesInputs.Forget(key.Id);
                break;
            case CacheKind.CaseInputs:
                caseInputs.Forget(key.Id);
                break;
            case CacheKind.CaseMeetings:
                caseMeetings.Forget(key.Id);
                break;
            case CacheKind.AllCaseMeetings:
                caseMeetings.ForgetAll();
                break;
        }
    }

    private enum CacheKind { Meeting, CaseInputs, CaseMeetings, AllCaseMeetings }

    private readonly record struct Cached(CacheKind Kind, Guid Id);
}
