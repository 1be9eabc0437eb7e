using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Anonymization;
using Proeftuin.Data;
using Proeftuin.Web.Infrastructure.Anonymization;

namespace Proeftuin.Web.Features.Anonymization;

/// <summary>
/// The anonymisation guard for every text that can leave a case besides the case text itself: recommendations, the
/// verslag, theme titles and syntheses, case titles and themes, writing-round answers, wijkafspraken. It applies the
/// guarded names and the dismissals of the cases involved. A caller refuses the whole save while the verdict holds an
/// open finding (a typed hub error or a 409 ProblemDetails listing them) and stores nothing.
/// </summary>
public sealed class TextGuard(ProeftuinDbContext db, GuardedNames guarded, OpenFindings openFindings)
{
    public async Task<GuardVerdict> CheckAsync(IReadOnlyCollection<Guid> caseIds, IEnumerable<GuardedField> fields, CancellationToken cancellationToken, IEnumerable<string>? trusted = null)
    {
        var names = caseIds.Count == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : (await db.CaseGuardedNames.AsNoTracking().Where(g => caseIds.Contains(g.CaseFileId)).Select(g => g.Hash).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var dismissals = await openFindings.DismissalsAsync(caseIds, cancellationToken);
        return new GuardVerdict(GuardCheck.Run(guarded.Detector, guarded.Hasher, fields, names, dismissals, trusted));
    }

    public Task<GuardVerdict> CheckAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken, params GuardedField[] fields) =>
        CheckAsync(caseIds, fields, cancellationToken);

    /// <summary>
    /// The verslag of a meeting: the guarded names and dismissals of every case on its agenda apply, and what the
    /// server generated at closing (from case texts that passed the gate) is trusted, so only what people typed since
    /// can be refused.
    /// </summary>
    public async Task<GuardVerdict> CheckMinutesAsync(Guid meetingId, string text, CancellationToken cancellationToken)
    {
        var caseIds = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.CaseFileId).ToListAsync(cancellationToken);
        var generated = await db.MeetingMinutes.AsNoTracking().Where(m => m.MeetingId == meetingId).Select(m => m.GeneratedText).FirstOrDefaultAsync(cancellationToken);
        return await CheckAsync(caseIds, [new GuardedField(MinutesField, text)], cancellationToken, generated is null ? null : [generated]);
    }

    /// <summary>
    /// The verslag judged under inputs already read (the live re-check keeps them per meeting and per case), exactly as
    /// <see cref="CheckMinutesAsync"/> judges it: the guarded names and dismissals of every agenda case, the generated
    /// verslag trusted.
    /// </summary>
    public static GuardVerdict CheckMinutes(GuardedNames guarded, string text, string? generatedText, IEnumerable<CaseFindingInputsEntry> agendaCases)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var dismissals = new List<FindingDismissal>();
        foreach (var inputs in agendaCases)
        {
            names.UnionWith(inputs.GuardedNames);
            dismissals.AddRange(inputs.Dismissals);
        }

        return new GuardVerdict(GuardCheck.Run(
            guarded.Detector, guarded.Hasher, [new GuardedField(MinutesField, text)], names, dismissals, generatedText is null ? null : [generatedText]));
    }

    public const string MinutesField = "minutes";

    /// <summary>
    /// The ids of the recommendations whose text has an open finding under their own case's guarded names and
    /// dismissals. Saving is guarded, so these are older rows (or rows whose case got guarded names later): exports
    /// hold them back rather than let them leave.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> RecommendationsWithFindingsAsync(IReadOnlyCollection<(Guid Id, string Text)> items, CancellationToken cancellationToken)
    {
        var caseOf = new Dictionary<Guid, Guid?>();
        foreach (var chunk in items.Select(i => i.Id).Distinct().Chunk(500))
        {
            foreach (var row in await db.Recommendations.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.CaseFileId }).ToListAsync(cancellationToken))
            {
                caseOf[row.Id] = row.CaseFileId;
            }
        }

        var names = new Dictionary<Guid, HashSet<string>>();
        var dismissals = new Dictionary<Guid, IReadOnlyList<FindingDismissal>>();
        foreach (var chunk in caseOf.Values.OfType<Guid>().Distinct().Chunk(500))
        {
            foreach (var row in await db.CaseGuardedNames.AsNoTracking().Where(g => chunk.Contains(g.CaseFileId)).ToListAsync(cancellationToken))
            {
                (names.TryGetValue(row.CaseFileId, out var set) ? set : names[row.CaseFileId] = new HashSet<string>(StringComparer.Ordinal)).Add(row.Hash);
            }

            foreach (var group in (await db.CaseFindingDismissals.AsNoTracking().Where(d => chunk.Contains(d.CaseFileId)).ToListAsync(cancellationToken)).GroupBy(d => d.CaseFileId))
            {
                dismissals[group.Key] = [.. group.Select(d => d.ToDomain())];
            }
        }

        var flagged = new HashSet<Guid>();
        var none = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, text) in items)
        {
            var caseId = caseOf.GetValueOrDefault(id);
            var open = GuardCheck.Run(
                guarded.Detector, guarded.Hasher, [new GuardedField("text", text)],
                caseId is { } c && names.TryGetValue(c, out var set) ? set : none,
                caseId is { } d ? dismissals.GetValueOrDefault(d, []) : []);
            if (open.Count > 0)
            {
                flagged.Add(id);
            }
        }

        return flagged;
    }

    /// <summary>The cases whose guarded names apply to texts about these recommendations.</summary>
    public async Task<IReadOnlyCollection<Guid>> CasesOfRecommendationsAsync(IReadOnlyCollection<Guid> recommendationIds, CancellationToken cancellationToken) =>
        recommendationIds.Count == 0
            ? []
            : await db.Recommendations.AsNoTracking()
                .Where(r => recommendationIds.Contains(r.Id) && r.CaseFileId != null)
                .Select(r => r.CaseFileId!.Value).Distinct().ToListAsync(cancellationToken);
}

/// <summary>What the guard found in one save; <see cref="IsClear"/> when nothing is open.</summary>
public sealed record GuardVerdict(IReadOnlyList<FieldFinding> Findings)
{
    public const string ErrorCode = "anonymization.open";

    public bool IsClear => Findings.Count == 0;

    public IReadOnlyList<GuardFindingDto> Dtos => [.. Findings.Select(GuardFindingDto.From)];

    /// <summary>A Dutch message that names the placeholders to use but never repeats the flagged text.</summary>
    public string Message =>
        $"De tekst bevat {Findings.Count} mogelijk identificerende {(Findings.Count == 1 ? "gegeven" : "gegevens")}. " +
        $"Vervang {(Findings.Count == 1 ? "het" : "ze")} (bijvoorbeeld door {string.Join(", ", Findings.Select(f => f.Placeholder).Distinct().Take(3))}) en probeer het opnieuw. Er is niets opgeslagen.";

    /// <summary>409 ProblemDetails with the findings under <c>findings</c>.</summary>
    public ProblemHttpResult Problem() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Mogelijk identificerend",
            detail: Message,
            type: $"https://proeftuin.nl/problems/{ErrorCode}",
            extensions: new Dictionary<string, object?> { ["findings"] = Dtos });
}

/// <summary>A finding on the wire for a refused save: the field it is in, UTF-16 offsets in that field, the placeholder.</summary>
public sealed record GuardFindingDto(string Field, int Start, int End, string Category, string Rule, double Confidence, string Placeholder, string ReasonCode, string Reason)
{
    public static GuardFindingDto From(FieldFinding finding) =>
        new(finding.Field, finding.Finding.Start, finding.Finding.End, CategoryNames.Code(finding.Finding.Category), finding.Finding.Rule, finding.Finding.Confidence, finding.Placeholder, finding.Finding.ReasonCode, finding.Finding.Reason);
}
