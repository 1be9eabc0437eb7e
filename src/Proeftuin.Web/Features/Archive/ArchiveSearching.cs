using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Archive;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Archive;

/// <summary>
/// One archive search for the page and the API alike: only the wijken the caller is a member of are searched (a
/// coordinator or beheerder role adds none), and every search is audit-logged with its number of hits — never the
/// words, which could identify a child.
/// </summary>
public sealed class ArchiveSearching(ProeftuinDbContext db, IArchiveSearch search, NeighbourhoodAccess access, AuditLog audit)
{
    public const int MaxQueryLength = 200;

    public async Task<ArchiveResult> SearchAsync(ArchiveQuery query, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var neighbourhoodIds = await db.Memberships.AsNoTracking()
            .Where(m => m.ProfessionalId == userId)
            .Select(m => m.NeighbourhoodId)
            .ToListAsync(cancellationToken);
        var hits = await search.SearchAsync(query, neighbourhoodIds, cancellationToken);
        await audit.RecordAsync(
            new AuditEvent("search", "success", "Archive", ObjectId: $"hits={hits.Count}", Role: neighbourhoodIds.Count > 0 ? "Member" : null),
            cancellationToken);
        return new ArchiveResult(hits, IsMember: neighbourhoodIds.Count > 0);
    }

    public static IServiceCollection AddArchive(IServiceCollection services) =>
        services
            .AddScoped(s => ArchiveSearches.For(s.GetRequiredService<Data.Providers.DatabaseSettings>().Provider, s.GetRequiredService<ProeftuinDbContext>()))
            .AddScoped<ArchiveSearching>();
}

/// <summary>The hits, best first, and whether the caller has any wijk to search at all.</summary>
public sealed record ArchiveResult(IReadOnlyList<ArchiveHit> Hits, bool IsMember);
