using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Audit;
using Proeftuin.Data;

namespace Proeftuin.Testing.Live;

/// <summary>
/// Reads the audit log of a running app, for tests of what the room logs. Some entries are written off the request
/// path (the first edit of a sitting goes through a queue), so <see cref="WaitForAsync"/> polls until a condition on
/// the entries holds, with a generous timeout, instead of waiting a fixed time.
/// </summary>
public static class AuditTrail
{
    public static async Task<List<AuditEntry>> EntriesAsync(IServiceProvider services, Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        return await filter(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>The entries of <paramref name="filter"/> once <paramref name="done"/> holds for them; fails after <see cref="Eventually.DefaultTimeout"/>.</summary>
    public static async Task<List<AuditEntry>> WaitForAsync(
        IServiceProvider services, Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter, Func<List<AuditEntry>, bool> done)
    {
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (true)
        {
            var entries = await EntriesAsync(services, filter);
            if (done(entries))
            {
                return entries;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The audit log did not reach the expected state; it holds {entries.Count} matching entries: "
                    + string.Join(", ", entries.Select(e => $"{e.Action} {e.ObjectType} {e.ObjectId} by {e.UserId}")));
            }

            await Task.Delay(50);
        }
    }

    public static async Task<Guid> ProfessionalIdAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        return await db.Professionals.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }
}
