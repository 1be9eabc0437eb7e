using Proeftuin.Web.Features.Anonymization;

namespace Proeftuin.Web.Features.Recommendations.Exports;

/// <summary>
/// The last check before recommendations leave in a file: any recommendation whose text has an open anonymisation
/// finding is held back, and the selection line says how many were, so the file is never silently incomplete.
/// </summary>
public static class ExportScreen
{
    public static async Task<Compilation> ScreenAsync(Compilation compilation, TextGuard guard, CancellationToken cancellationToken)
    {
        var flagged = await guard.RecommendationsWithFindingsAsync(
            [.. compilation.Sections.SelectMany(s => s.Items).Select(r => (r.Id, r.Text))], cancellationToken);
        if (flagged.Count == 0)
        {
            return compilation;
        }

        return compilation with
        {
            Selection = $"{compilation.Selection}; {flagged.Count} {(flagged.Count == 1 ? "aanbeveling" : "aanbevelingen")} achtergehouden (mogelijk identificerend)",
            Sections = [.. compilation.Sections.Select(s => s with { Items = [.. s.Items.Where(r => !flagged.Contains(r.Id))] })],
        };
    }

    public static async Task<IReadOnlyList<CompiledRecommendation>> ScreenAsync(IReadOnlyList<CompiledRecommendation> items, TextGuard guard, CancellationToken cancellationToken)
    {
        var flagged = await guard.RecommendationsWithFindingsAsync([.. items.Select(r => (r.Id, r.Text))], cancellationToken);
        return flagged.Count == 0 ? items : [.. items.Where(r => !flagged.Contains(r.Id))];
    }
}
