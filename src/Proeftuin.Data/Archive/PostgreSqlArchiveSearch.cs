using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Archive;

namespace Proeftuin.Data.Archive;

/// <summary>
/// PostgreSQL: cases, recommendations and final verslagen, with the 'dutch' text search configuration (Snowball stemmer and stop words) over the GIN expression indexes of
/// the migration ArchiveSearch, ranked by ts_rank, snippets by ts_headline. websearch_to_tsquery parses what was typed
/// (quotes, "or", -word); each of its stems then becomes a prefix (:*), as on SQLite, so "angst" finds "angstig",
/// by the rule of SearchTerms.Prefix: a final doubled consonant is undoubled, so "gezinnen" ('gezinn') finds "gezin".
/// The text is HTML-escaped before ts_headline, so the only markup in a snippet is its own &lt;mark&gt;.
/// </summary>
internal sealed class PostgreSqlArchiveSearch(ProeftuinDbContext db) : IArchiveSearch
{
    /// <summary>
    /// SearchTerms.Prefix for the lexemes in a tsquery's text ('…', a quote inside doubled): at least
    /// SearchTerms.MinUndoubledLength characters (two or more, then a consonant: group 2), that consonant again, the
    /// closing quote; the replacement '\1' drops the repeated consonant. Passed as a parameter, like the words typed.
    /// </summary>
    private const string DoubledConsonantLexeme = "'((?:[^']|''){2,}([" + SearchTerms.Consonants + "]))\\2'";

    public async Task<IReadOnlyList<ArchiveHit>> SearchAsync(ArchiveQuery query, IReadOnlyCollection<Guid> neighbourhoodIds, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.From(query.Text);
        if (terms.IsEmpty || neighbourhoodIds.Count == 0)
        {
            return [];
        }

        var neighbourhoodIdList = neighbourhoodIds.ToArray();
        var rows = await db.Database.SqlQuery<Row>($"""
            WITH q AS (
                SELECT to_tsquery('simple', regexp_replace(
                    regexp_replace(websearch_to_tsquery('dutch', {query.Text})::text, {DoubledConsonantLexeme}, '''\1''', 'g'),
                    '''((?:[^'']|'''')+)''', '''\1'':*', 'g')) AS query
            ),
            ranked AS (
                SELECT 'case' AS "Kind", c."Id" AS "Id", c."Title" || E'\n' || c."Text" AS "Content",
                       ts_rank(to_tsvector('dutch', c."Code" || ' ' || c."Title" || ' ' || c."Text"), q.query) AS "Score"
                FROM "CaseFiles" AS c, q
                WHERE c."NeighbourhoodId" = ANY({neighbourhoodIdList}) AND to_tsvector('dutch', c."Code" || ' ' || c."Title" || ' ' || c."Text") @@ q.query
                UNION ALL
                SELECT 'recommendation', r."Id", r."Text", ts_rank(to_tsvector('dutch', r."Text"), q.query)
                FROM "Recommendations" AS r, q
                WHERE r."NeighbourhoodId" = ANY({neighbourhoodIdList}) AND to_tsvector('dutch', r."Text") @@ q.query
                UNION ALL
                SELECT 'minutes', mm."Id", mm."FinalText", ts_rank(to_tsvector('dutch', mm."FinalText"), q.query)
                FROM "MeetingMinutes" AS mm JOIN "Meetings" AS m ON m."Id" = mm."MeetingId", q
                WHERE mm."FinalText" IS NOT NULL AND m."NeighbourhoodId" = ANY({neighbourhoodIdList})
                      AND to_tsvector('dutch', mm."FinalText") @@ q.query
                ORDER BY "Score" DESC
                LIMIT {ArchiveQuery.CandidateLimit}
            )
            SELECT ranked."Kind", ranked."Id", ranked."Score"::double precision AS "Score",
                   ts_headline('dutch', replace(replace(replace(ranked."Content", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), q.query,
                               'StartSel=<mark>, StopSel=</mark>, MinWords=15, MaxWords=40') AS "Snippet"
            FROM ranked, q
            ORDER BY ranked."Score" DESC
            """).ToListAsync(cancellationToken);

        var matches = rows.Select(r => new IndexMatch(
            IndexMatch.KindOf(r.Kind), r.Id, r.Score, SnippetHighlighter.PlainText(r.Snippet))).ToList();
        return await ArchiveHits.BuildAsync(db, matches, query, terms, neighbourhoodIds, cancellationToken);
    }

    private sealed record Row(string Kind, Guid Id, double Score, string Snippet);
}
