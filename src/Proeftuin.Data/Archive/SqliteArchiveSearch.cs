using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Archive;

namespace Proeftuin.Data.Archive;

/// <summary>
/// SQLite: FTS5 over the stemmed words (tokenizer unicode61 remove_diacritics 2), each query prefix (the stem, a final
/// doubled consonant undoubled: SearchTerms.Prefixes) as a prefix query, ranked by bm25; the snippet is highlighted in C# over the original text.
/// </summary>
internal sealed class SqliteArchiveSearch(ProeftuinDbContext db) : IArchiveSearch
{
    public async Task<IReadOnlyList<ArchiveHit>> SearchAsync(ArchiveQuery query, IReadOnlyCollection<Guid> neighbourhoodIds, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.From(query.Text);
        if (terms.IsEmpty || neighbourhoodIds.Count == 0)
        {
            return [];
        }

        await SqliteArchiveIndex.CatchUpAsync(db, cancellationToken);

        // Prefixes hold letters and digits only, so quoting them cannot break out of the FTS5 query syntax.
        var match = string.Join(' ', terms.Prefixes.Select(p => $"\"{p}\"*"));
        var neighbourhoodIdList = neighbourhoodIds.ToList();
        var rows = await db.Database.SqlQuery<Row>($"""
                SELECT e.Kind AS Kind, e.EntityId AS EntityId, e.NeighbourhoodId AS NeighbourhoodId, m.Rank AS Rank
                FROM (SELECT rowid AS RowId, bm25(ArchiveSearchIndex) AS Rank FROM ArchiveSearchIndex WHERE ArchiveSearchIndex MATCH {match}) AS m
                JOIN ArchiveSearchEntries AS e ON e.RowId = m.RowId
                """)
            .Where(r => neighbourhoodIdList.Contains(r.NeighbourhoodId))
            .OrderBy(r => r.Rank)
            .Take(ArchiveQuery.CandidateLimit)
            .ToListAsync(cancellationToken);

        // bm25 is lower for a better match; the score is its negation so higher is better everywhere.
        var matches = rows.Select(r => new IndexMatch(IndexMatch.KindOf(r.Kind), r.EntityId, -r.Rank)).ToList();
        return await ArchiveHits.BuildAsync(db, matches, query, terms, neighbourhoodIds, cancellationToken);
    }

    private sealed record Row(string Kind, Guid EntityId, Guid NeighbourhoodId, double Rank);
}
