using System.Text;
using Microsoft.AspNetCore.Html;
using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Markdown;
using static Proeftuin.Web.Infrastructure.Exports.PrintableHtml;

namespace Proeftuin.Web.Features.Recommendations.Exports;

/// <summary>
/// The compilation as a page to print (the shell, with its print stylesheet, is <see cref="PrintableHtml"/>): per theme
/// a section with its heading, the synthesis through the same sanitising Markdown renderer as everywhere else, and a
/// table of the recommendations.
/// </summary>
public static class HtmlExport
{
    public static byte[] Write(Compilation compilation, MarkdownRenderer markdown) =>
        PrintableHtml.Write(
            compilation.Title,
            $"Selectie: {compilation.Selection}. Gemaakt op {Compilation.Date(compilation.GeneratedUtc)}.",
            compilation.Sections.Select(section => Section(section, markdown)));

    private static IHtmlContent Section(CompilationSection section, MarkdownRenderer markdown)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<section class=\"theme\">\n");
        if (section.Heading is not null)
        {
            html.AppendHtml("<h2>").Append(section.Heading).AppendHtml("</h2>\n");
        }

        if (!string.IsNullOrWhiteSpace(section.Synthesis))
        {
            html.AppendHtml("<div class=\"synthesis\">").AppendHtml(markdown.Render(section.Synthesis, 2)).AppendHtml("</div>\n");
        }

        var rows = new StringBuilder();
        foreach (var r in section.Items)
        {
            rows.Append("<tr>").AppendJoin(string.Empty, RecommendationColumns.Table.Select(c => $"<td>{Encode(RecommendationColumns.TableCell(c, r))}</td>")).Append("</tr>\n");
        }

        return html.AppendHtml("<table>\n<thead><tr>").AppendHtml(string.Concat(RecommendationColumns.Table.Select(c => $"<th>{Encode(c.Title)}</th>")))
            .AppendHtml("</tr></thead>\n<tbody>\n")
            .AppendHtml(rows.ToString()).AppendHtml("</tbody>\n</table>\n</section>");
    }
}
