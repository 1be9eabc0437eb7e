using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Archive;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Archive;

/// <summary>
/// Turns index matches into hits, the same on every provider: loads the cases, recommendations and final verslagen (again restricted to
/// the caller's wijken, so an index that is out of step can never leak another wijk), applies the filters, highlights
/// the snippet where the database did not, and keeps the index's order.
/// </summary>
internal static class ArchiveHits
{
    public static async Task<IReadOnlyList<ArchiveHit>> BuildAsync(
        ProeftuinDbContext db, IReadOnlyList<IndexMatch> matches, ArchiveQuery query, SearchTerms terms, IReadOnlyCollection<Guid> neighbourhoodIds, CancellationToken cancellationToken)
    {
        var neighbourhoodIdList = neighbourhoodIds.ToList();
        var caseIds = matches.Where(m => m.Kind == ArchiveHitKind.Case).Select(m => m.Id).ToList();
        var recommendationIds = matches.Where(m => m.Kind == ArchiveHitKind.Recommendation).Select(m => m.Id).ToList();
        var (from, to) = Period(query);

        var recommendations = (await db.Recommendations.AsNoTracking()
            .Where(r => recommendationIds.Contains(r.Id) && neighbourhoodIdList.Contains(r.NeighbourhoodId))
            .ToListAsync(cancellationToken))
            .Where(r => r.CreatedAtUtc >= from && r.CreatedAtUtc < to)
            .ToDictionary(r => r.Id);
        var relatedCaseIds = recommendations.Values.Where(r => r.CaseFileId is not null).Select(r => r.CaseFileId!.Value).ToList();
        var cases = await db.CaseFiles.AsNoTracking()
            .Where(c => (caseIds.Contains(c.Id) || relatedCaseIds.Contains(c.Id)) && neighbourhoodIdList.Contains(c.NeighbourhoodId))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var minutesIds = matches.Where(m => m.Kind == ArchiveHitKind.Minutes).Select(m => m.Id).ToList();
        var finalMinutes = (await (
                from minutes in db.MeetingMinutes.AsNoTracking()
                join meeting in db.Meetings.AsNoTracking() on minutes.MeetingId equals meeting.Id
                where minutesIds.Contains(minutes.Id) && minutes.FinalText != null && neighbourhoodIdList.Contains(meeting.NeighbourhoodId)
                select new FinalMinutes(minutes.Id, meeting.Id, meeting.NeighbourhoodId, meeting.Title, meeting.StartedAtUtc ?? meeting.ScheduledStartUtc, minutes.FinalText!))
            .ToListAsync(cancellationToken))
            .ToDictionary(m => m.Id);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().Where(n => neighbourhoodIdList.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);

        var hits = new List<ArchiveHit>();
        foreach (var match in matches)
        {
            var hit = match.Kind switch
            {
                ArchiveHitKind.Case => CaseHit(match, cases.GetValueOrDefault(match.Id), query, terms, from, to),
                ArchiveHitKind.Recommendation => RecommendationHit(match, recommendations.GetValueOrDefault(match.Id), cases, query, terms),
                _ => MinutesHit(match, finalMinutes.GetValueOrDefault(match.Id), query, terms, from, to),
            };
            if (hit is not null && neighbourhoods.TryGetValue(hit.NeighbourhoodId, out var neighbourhood))
            {
                hits.Add(hit with { NeighbourhoodName = neighbourhood.Name, NeighbourhoodSlug = neighbourhood.Slug });
            }

            if (hits.Count == query.Limit)
            {
                break;
            }
        }

        return hits;
    }

    private static ArchiveHit? CaseHit(IndexMatch match, CaseFile? caseFile, ArchiveQuery query, SearchTerms terms, DateTime from, DateTime to)
    {
        if (caseFile is null || query.Pillar is not null || caseFile.CreatedAtUtc < from || caseFile.CreatedAtUtc >= to || !CaseFits(caseFile, query))
        {
            return null;
        }

        return new ArchiveHit(
            ArchiveHitKind.Case, caseFile.Id, caseFile.NeighbourhoodId, string.Empty, string.Empty, caseFile.Id, caseFile.Code, caseFile.Title,
            VisionPillar.None, caseFile.CreatedAtUtc, match.Snippet ?? CaseSnippet(caseFile, terms), match.Score);
    }

    private static ArchiveHit? RecommendationHit(IndexMatch match, Recommendation? recommendation, Dictionary<Guid, CaseFile> cases, ArchiveQuery query, SearchTerms terms)
    {
        if (recommendation is null || (query.Pillar is { } pillar && (recommendation.Pillars & pillar) == 0))
        {
            return null;
        }

        var caseFile = recommendation.CaseFileId is { } caseId ? cases.GetValueOrDefault(caseId) : null;
        if ((query.Theme is not null || query.AgeBand is not null) && (caseFile is null || !CaseFits(caseFile, query)))
        {
            return null;
        }

        return new ArchiveHit(
            ArchiveHitKind.Recommendation, recommendation.Id, recommendation.NeighbourhoodId, string.Empty, string.Empty, caseFile?.Id, caseFile?.Code, caseFile?.Title,
            recommendation.Pillars, recommendation.CreatedAtUtc, match.Snippet ?? SnippetHighlighter.Highlight(recommendation.Text, terms).Html, match.Score);
    }

    /// <summary>
    /// A final verslag, dated the day its meeting was held. It has no theme, age band or pillar of its own, so any of
    /// those filters leaves it out (as a pillar filter leaves out cases).
    /// </summary>
    private static ArchiveHit? MinutesHit(IndexMatch match, FinalMinutes? minutes, ArchiveQuery query, SearchTerms terms, DateTime from, DateTime to)
    {
        if (minutes is null || query.Pillar is not null || query.AgeBand is not null || !string.IsNullOrWhiteSpace(query.Theme)
            || minutes.HeldAtUtc < from || minutes.HeldAtUtc >= to)
        {
            return null;
        }

        return new ArchiveHit(
            ArchiveHitKind.Minutes, minutes.MeetingId, minutes.NeighbourhoodId, string.Empty, string.Empty, null, null, null,
            VisionPillar.None, minutes.HeldAtUtc, match.Snippet ?? SnippetHighlighter.Highlight(minutes.Text, terms).Html, match.Score, minutes.MeetingTitle);
    }

    private static bool CaseFits(CaseFile caseFile, ArchiveQuery query) =>
        (query.AgeBand is null || caseFile.AgeBand == query.AgeBand)
        && (string.IsNullOrWhiteSpace(query.Theme) || caseFile.Themes.Contains(query.Theme.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The text around the first match; when only the title matched, the title.</summary>
    private static string CaseSnippet(CaseFile caseFile, SearchTerms terms)
    {
        var inText = SnippetHighlighter.Highlight(caseFile.Text, terms);
        return inText.MatchCount > 0 ? inText.Html : SnippetHighlighter.Highlight($"{caseFile.Code} {caseFile.Title}", terms).Html;
    }

    private sealed record FinalMinutes(Guid Id, Guid MeetingId, Guid NeighbourhoodId, string MeetingTitle, DateTime HeldAtUtc, string Text);

    private static (DateTime From, DateTime To) Period(ArchiveQuery query) => (
        query.From is { } from ? from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
        query.To is { } to && to < DateOnly.MaxValue ? to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));
}
