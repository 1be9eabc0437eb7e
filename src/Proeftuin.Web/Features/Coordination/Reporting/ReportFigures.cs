using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Agreements;
using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data;
using Proeftuin.Web.Features.Anonymization;
using Proeftuin.Web.Features.Recommendations;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>The numbers and texts behind the report, before they are put in words: one period's recommendation counts.</summary>
public sealed record PeriodCounts(IReadOnlyList<(Guid NeighbourhoodId, VisionPillar Pillars, RecommendationLevel Level, int Count)> Rows)
{
    public int Of(Guid neighbourhood, VisionPillar pillar) => Rows.Where(r => r.NeighbourhoodId == neighbourhood && r.Pillars.HasFlag(pillar)).Sum(r => r.Count);

    public int Of(VisionPillar pillar) => Rows.Where(r => r.Pillars.HasFlag(pillar)).Sum(r => r.Count);

    public int Of(Guid neighbourhood) => Rows.Where(r => r.NeighbourhoodId == neighbourhood).Sum(r => r.Count);

    public int Of(RecommendationLevel level) => Rows.Where(r => r.Level == level).Sum(r => r.Count);
}

/// <summary>One evaluation of a meeting: its wijk, when the meeting was held, the score and (guarded) the remark.</summary>
public sealed record EvaluationRow(Guid NeighbourhoodId, DateTime HeldUtc, int Score, string? Remark);

/// <summary>A wijkafspraak as the report shows it: title (guarded), status, review date.</summary>
public sealed record AgreementRow(Guid NeighbourhoodId, string Title, DateTime AdoptedUtc, AgreementStatus Status, DateOnly ReviewDate, bool ReviewDue);

/// <summary>
/// Everything the report reads, read once: the recommendation counts of both periods (through
/// <see cref="RecommendationCompilation"/>, so a recommendation's date is the day its meeting was held, as everywhere),
/// the evaluations of meetings held in either period, all wijkafspraken and all themes. Texts that fail the
/// anonymisation guard — with the guarded names and dismissals of the cases involved — are dropped and counted.
/// </summary>
public sealed class ReportFigures(ProeftuinDbContext db, RecommendationCompilation compilation, TextGuard guard)
{
    public async Task<LoadedFigures> LoadAsync(ReportPeriod a, ReportPeriod b, DateOnly today, CancellationToken cancellationToken)
    {
        var neighbourhoods = (await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).Select(n => new { n.Id, n.Name }).ToListAsync(cancellationToken))
            .Select(n => (n.Id, n.Name)).ToList();
        var countsA = new PeriodCounts(await compilation.ReportCountsAsync(new RecommendationFilter { From = a.From, To = a.To }, cancellationToken));
        var countsB = new PeriodCounts(await compilation.ReportCountsAsync(new RecommendationFilter { From = b.From, To = b.To }, cancellationToken));
        var heldBack = 0;

        var (evaluations, remarksHeld) = await EvaluationsAsync([a, b], cancellationToken);
        heldBack += remarksHeld;
        var (agreements, agreementsHeld) = await AgreementsAsync(today, cancellationToken);
        heldBack += agreementsHeld;
        var (themes, themesHeld) = await ThemesAsync(a, b, cancellationToken);
        heldBack += themesHeld;
        return new LoadedFigures(neighbourhoods, countsA, countsB, evaluations, agreements, themes, heldBack);
    }

    private async Task<(List<EvaluationRow> Rows, int HeldBack)> EvaluationsAsync(IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken)
    {
        var rows = new List<EvaluationRow>();
        var heldBack = 0;
        foreach (var period in periods.Distinct())
        {
            var (start, until) = (period.FromUtc, period.UntilUtc);
            var found = await (
                from e in db.MeetingEvaluations.AsNoTracking()
                join m in db.Meetings.AsNoTracking() on e.MeetingId equals m.Id
                let held = m.StartedAtUtc ?? m.ScheduledStartUtc
                where held >= start && held < until
                orderby held, e.SubmittedAtUtc
                select new { m.NeighbourhoodId, e.MeetingId, Held = held, e.Score, e.Remark }).ToListAsync(cancellationToken);
            var casesOf = new Dictionary<Guid, List<Guid>>();
            foreach (var e in found)
            {
                var remark = string.IsNullOrWhiteSpace(e.Remark) ? null : e.Remark.Trim();
                if (remark is not null)
                {
                    // Remarks are not guarded when given; one with a possibly identifying detail stays out, as in the verslag.
                    if (!casesOf.TryGetValue(e.MeetingId, out var cases))
                    {
                        cases = casesOf[e.MeetingId] = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == e.MeetingId).Select(i => i.CaseFileId).ToListAsync(cancellationToken);
                    }

                    if (!(await guard.CheckAsync(cases, cancellationToken, new GuardedField("remark", remark))).IsClear)
                    {
                        remark = null;
                        heldBack++;
                    }
                }

                rows.Add(new EvaluationRow(e.NeighbourhoodId, DateTime.SpecifyKind(e.Held, DateTimeKind.Utc), e.Score, remark));
            }
        }

        return (rows, heldBack);
    }

    private async Task<(List<AgreementRow> Rows, int HeldBack)> AgreementsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var rows = new List<AgreementRow>();
        var heldBack = 0;
        foreach (var agreement in await db.NeighbourhoodAgreements.AsNoTracking().OrderBy(x => x.ReviewDate).ThenBy(x => x.Title).ToListAsync(cancellationToken))
        {
            var cases = await guard.CasesOfRecommendationsAsync([.. agreement.SourceRecommendationIds], cancellationToken);
            if (!(await guard.CheckAsync(cases, cancellationToken, new GuardedField("title", agreement.Title))).IsClear)
            {
                heldBack++;
                continue;
            }

            rows.Add(new AgreementRow(agreement.NeighbourhoodId, agreement.Title, agreement.AdoptedAtUtc, agreement.Status, agreement.ReviewDate, agreement.IsReviewDue(today)));
        }

        return (rows, heldBack);
    }

    private async Task<(List<ReportTheme> Themes, int HeldBack)> ThemesAsync(ReportPeriod a, ReportPeriod b, CancellationToken cancellationToken)
    {
        var themes = new List<ReportTheme>();
        var heldBack = 0;
        foreach (var theme in await db.RecommendationThemes.AsNoTracking().OrderBy(t => t.Title).ToListAsync(cancellationToken))
        {
            var ids = theme.RecommendationIds.ToList();
            var cases = await guard.CasesOfRecommendationsAsync(ids, cancellationToken);
            GuardedField[] fields = theme.Synthesis is { Length: > 0 } synthesis
                ? [new GuardedField("title", theme.Title), new GuardedField("synthesis", synthesis)]
                : [new GuardedField("title", theme.Title)];
            if (!(await guard.CheckAsync(cases, cancellationToken, fields)).IsClear)
            {
                heldBack++;
                continue;
            }

            var dates = (await compilation.ByIdsAsync(ids, cancellationToken)).Select(r => r.DateUtc).ToList();
            themes.Add(new ReportTheme(theme.Title, theme.Synthesis, dates.Count(a.Contains), dates.Count(b.Contains)));
        }

        return (themes, heldBack);
    }
}

/// <summary>What <see cref="ReportFigures"/> read for two periods.</summary>
public sealed record LoadedFigures(
    IReadOnlyList<(Guid Id, string Name)> Neighbourhoods,
    PeriodCounts A,
    PeriodCounts B,
    IReadOnlyList<EvaluationRow> Evaluations,
    IReadOnlyList<AgreementRow> Agreements,
    IReadOnlyList<ReportTheme> Themes,
    int HeldBack);
