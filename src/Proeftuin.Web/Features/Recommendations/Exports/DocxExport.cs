using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Features.Recommendations.Exports;

/// <summary>
/// A Word document: a title, the selection, per theme a heading and its synthesis (Markdown, converted), and a table of
/// the recommendations (text, pillars, wijk, case, status, owner, due date); a page break before every theme after the first.
/// </summary>
public static class DocxExport
{
    /// <summary>The table's columns (the text first, the widest), from <see cref="RecommendationColumns"/>.</summary>
    private static readonly RecommendationColumn[] TableColumns =
        [.. new[] { "aanbeveling", "pijlers", "wijk", "casus", "status", "eigenaar", "deadline" }.Select(h => RecommendationColumns.All.Single(c => c.Header == h))];

    public static readonly string[] Columns = [.. TableColumns.Select(c => c.Title)];

    private static readonly int[] ColumnWidths = [3600, 1500, 1000, 1000, 900, 1000, 900];

    public static byte[] Write(Compilation compilation, MarkdownRenderer markdown) =>
        WordDocument.Write(compilation.Title, document =>
        {
            document.Paragraph($"Selectie: {compilation.Selection}. Gemaakt op {Compilation.Date(compilation.GeneratedUtc)}.", null);
            var first = true;
            foreach (var section in compilation.Sections)
            {
                if (section.Heading is not null)
                {
                    document.Heading(section.Heading, 1, pageBreakBefore: !first);
                }

                if (!string.IsNullOrWhiteSpace(section.Synthesis))
                {
                    MarkdownDocx.Append(document, markdown.Parse(section.Synthesis), headingOffset: 1);
                }

                document.Table(Columns, ColumnWidths, Rows(section.Items));
                first = false;
            }
        });

    private static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<CompiledRecommendation> items) =>
        items.Select(r => (IReadOnlyList<string>)[.. TableColumns.Select(c => RecommendationColumns.TableCell(c, r))]);
}
