using Proeftuin.Core.Recommendations;

namespace Proeftuin.Web.Features.Recommendations.Exports;

/// <summary>A column of a recommendation in an export: its CSV header, its title in a table, its cell ("" when not set).</summary>
public sealed record RecommendationColumn(string Header, string Title, Func<CompiledRecommendation, string> Cell);

/// <summary>
/// The columns of a recommendation in every tabular export — CSV (all), the print page and Word (the
/// <see cref="Table"/> selection) — in one place, so a new field is one more line here.
/// </summary>
public static class RecommendationColumns
{
    public static readonly IReadOnlyList<RecommendationColumn> All =
    [
        new("datum", "Datum", r => Compilation.Date(r.DateUtc)),
        new("wijk", "Wijk", r => r.NeighbourhoodName),
        new("casus", "Casus", r => r.CaseCode ?? string.Empty),
        new("aanbeveling", "Aanbeveling", r => r.Text),
        new("pijlers", "Pijlers", Compilation.Pillars),
        new("niveau", "Niveau", r => RecommendationStatusNames.Dutch(r.Level)),
        new("gericht aan", "Gericht aan", Compilation.Addressees),
        new("status", "Status", r => RecommendationStatusNames.Dutch(r.Status)),
        new("eigenaar", "Eigenaar", r => r.OwnerName ?? string.Empty),
        new("deadline", "Deadline", r => Compilation.Due(r.DueDate)),
    ];

    /// <summary>The narrower table of the print page and the Word document (A4 portrait), by CSV header.</summary>
    public static readonly IReadOnlyList<RecommendationColumn> Table =
        [.. new[] { "datum", "wijk", "casus", "aanbeveling", "pijlers", "status", "eigenaar", "deadline" }.Select(h => All.Single(c => c.Header == h))];

    /// <summary>A cell of a table: "—" where nothing is set, so an empty cell is never mistaken for a missing one.</summary>
    public static string TableCell(RecommendationColumn column, CompiledRecommendation r) => column.Cell(r) is { Length: > 0 } value ? value : "—";
}
