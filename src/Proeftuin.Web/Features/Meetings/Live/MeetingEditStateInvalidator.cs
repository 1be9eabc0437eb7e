using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Web.Features.Meetings.Live;

/// <summary>
/// Forgets the cached <see cref="MeetingEditFacts"/> of every meeting whose state, agenda or verslag a save changes —
/// wherever in the app that save happens (start, close, cancel, agenda edits, the verslag made or finalised). Forgotten
/// before the save and again once it is committed (after the transaction, when one is open), so an operation never keeps
/// facts from before the change.
/// </summary>
public sealed class MeetingEditStateInvalidator(MeetingEditStates states) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

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

        HashSet<Guid>? changed = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            Guid? meetingId = entry.Entity switch
            {
                Meeting meeting => meeting.Id,
                AgendaItem item => item.MeetingId,
                MeetingMinutes minutes => minutes.MeetingId,
                _ => null,
            };
            if (meetingId is { } id)
            {
                states.Forget(id);
                (changed ??= []).Add(id);
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

        HashSet<Guid>? pending;
        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out pending))
            {
                return;
            }

            _pending.Remove(context);
        }

        foreach (var id in pending)
        {
            states.Forget(id);
        }
    }
}
