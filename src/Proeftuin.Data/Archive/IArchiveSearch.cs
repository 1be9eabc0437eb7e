namespace Proeftuin.Data.Archive;

/// <summary>
/// Dutch full-text search over past cases, recommendations and final verslagen (a draft verslag is not searched), one implementation per database provider
/// (<see cref="ArchiveSearches.For"/>). Only the wijken passed in are ever searched: the caller passes the memberships
/// of the signed-in professional, never more.
/// </summary>
public interface IArchiveSearch
{
    Task<IReadOnlyList<ArchiveHit>> SearchAsync(ArchiveQuery query, IReadOnlyCollection<Guid> neighbourhoodIds, CancellationToken cancellationToken);
}
