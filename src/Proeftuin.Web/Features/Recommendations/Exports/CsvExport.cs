using Proeftuin.Web.Infrastructure.Exports;

namespace Proeftuin.Web.Features.Recommendations.Exports;

/// <summary>
/// Recommendations as CSV, one a row: the coordinator's compilation (with the theme each is in first) and the list of
/// one meeting or one case. The writing itself — byte-order mark, separator, formula-safe cells — is <see cref="CsvTable"/>.
/// </summary>
public static class CsvExport
{
    public static readonly string[] RecommendationColumns = [.. Exports.RecommendationColumns.All.Select(c => c.Header)];

    public static readonly string[] Columns = ["thema", .. RecommendationColumns];

    public static byte[] Write(Compilation compilation, char separator) =>
        CsvTable.Write(Columns, compilation.Sections.SelectMany(s => s.Items.Select(r => (IReadOnlyList<string>)[s.Heading ?? string.Empty, .. Cells(r)])), separator);

    public static byte[] Write(IEnumerable<CompiledRecommendation> recommendations, char separator) =>
        CsvTable.Write(RecommendationColumns, recommendations.Select(Cells), separator);

    private static IReadOnlyList<string> Cells(CompiledRecommendation r) => [.. Exports.RecommendationColumns.All.Select(c => c.Cell(r))];
}
