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
/// <see cref="MeetingEditFacts"/> of every meeting whose state, agenda or verslag changes (start, close, cancel, agenda
/// edits, the verslag made or finalised), and the <see cref="CaseFindingInputs"/> of every case whose guarded names or
/// dismissals change. Forgotten before the save and again once it is committed (after the transaction, when one is
/// open), so an operation or a findings check never keeps facts from before the change.
/// </summary>
public sealed class LiveCacheInvalidator(MeetingEditStates states, CaseFindingInputs caseInputs) : SaveChangesInterceptor, IDbTransactionInterceptor
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

            Cached? cached = entry.Entity switch
            {
                Meeting meeting => new(CacheKind.Meeting, meeting.Id),
                AgendaItem item => new(CacheKind.Meeting, item.MeetingId),
                MeetingMinutes minutes => new(CacheKind.Meeting, minutes.MeetingId),
                CaseGuardedName name => new(CacheKind.CaseInputs, name.CaseFileId),
                CaseFindingDismissal dismissal => new(CacheKind.CaseInputs, dismissal.CaseFileId),
                _ => null,
            };
            if (cached is { } key)
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

    private void Forget(Cached key)
    {
        if (key.Kind == CacheKind.Meeting)
        {
            states.Forget(key.Id);
        }
        else
        {
            caseInputs.Forget(key.Id);
        }
    }

    private enum CacheKind { Meeting, CaseInputs }

    private readonly record struct Cached(CacheKind Kind, Guid Id);
}
