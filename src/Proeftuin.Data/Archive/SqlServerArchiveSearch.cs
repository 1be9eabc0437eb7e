using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Archive;

namespace Proeftuin.Data.Archive;

/// <summary>
/// SQL Server: a fallback without an index over cases, recommendations and final verslagen — every query prefix (SearchTerms.Prefixes) must occur in the text
/// (LIKE '%prefix%'), ranked by the number of matching words. Real full text (CONTAINS/FREETEXT with the Dutch word
/// breaker, LCID 1043) needs the Full-Text Search feature installed on the server, which a default SQL Server (and every
/// container image we test with) lacks; see docs/architecture.md. Not covered by tests: no SQL Server runs here.
/// </summary>
internal sealed class SqlServerArchiveSearch(ProeftuinDbContext db) : IArchiveSearch
{
    public async Task<IReadOnlyList<ArchiveHit>> SearchAsync(ArchiveQuery query, IReadOnlyCollection<Guid> neighbourhoodIds, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.From(query.Text);
        if (terms.IsEmpty || neighbourhoodIds.Count == 0)
        {
            return [];
        }

        var neighbourhoodIdList = neighbourhoodIds.ToList();
        var cases = db.CaseFiles.AsNoTracking().Where(c => neighbourhoodIdList.Contains(c.NeighbourhoodId));
        var recommendations = db.Recommendations.AsNoTracking().Where(r => neighbourhoodIdList.Contains(r.NeighbourhoodId));
        var finalMinutes =
            from minutes in db.MeetingMinutes.AsNoTracking()
            join meeting in db.Meetings.AsNoTracking() on minutes.MeetingId equals meeting.Id
            where minutes.FinalText != null && neighbourhoodIdList.Contains(meeting.NeighbourhoodId)
            select minutes;
        foreach (var prefix in terms.Prefixes)
        {
            cases = cases.Where(c => c.Text.Contains(prefix) || c.Title.Contains(prefix) || c.Code.Contains(prefix));
            recommendations = recommendations.Where(r => r.Text.Contains(prefix));
            finalMinutes = finalMinutes.Where(m => m.FinalText!.Contains(prefix));
        }

        var caseMatches = (await cases.Select(c => new { c.Id, c.Code, c.Title, c.Text }).Take(ArchiveQuery.CandidateLimit).ToListAsync(cancellationToken))
            .Select(c => new IndexMatch(ArchiveHitKind.Case, c.Id, SnippetHighlighter.Highlight($"{c.Code} {c.Title} {c.Text}", terms, int.MaxValue).MatchCount));
        var recommendationMatches = (await recommendations.Select(r => new { r.Id, r.Text }).Take(ArchiveQuery.CandidateLimit).ToListAsync(cancellationToken))
            .Select(r => new IndexMatch(ArchiveHitKind.Recommendation, r.Id, SnippetHighlighter.Highlight(r.Text, terms, int.MaxValue).MatchCount));
        var minutesMatches = (await finalMinutes.Select(m => new { m.Id, m.FinalText }).Take(ArchiveQuery.CandidateLimit).ToListAsync(cancellationToken))
            .Select(m => new IndexMatch(ArchiveHitKind.Minutes, m.Id, SnippetHighlighter.Highlight(m.FinalText!, terms, int.MaxValue).MatchCount));
        var matches = caseMatches.Concat(recommendationMatches).Concat(minutesMatches).Where(m => m.Score > 0).OrderByDescending(m => m.Score).ToList();
        return await ArchiveHits.BuildAsync(db, matches, query, terms, neighbourhoodIds, cancellationToken);
    }
}
