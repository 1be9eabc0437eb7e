using System.Net;
using System.Text;
using Proeftuin.Web.Infrastructure.Markdown;

namespace Proeftuin.Web.Features.Coordination.Exports;

/// <summary>
/// A standalone HTML document to print: its own print stylesheet (A4, no app header or footer, a page break between
/// themes, table headers repeated on every page). It is downloaded, not shown in the app, so the app's CSP does not
/// apply; the synthesis goes through the same sanitising Markdown renderer as everywhere else.
/// </summary>
public static class HtmlExport
{
    private const string Style = """
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
        h1 { font-size: 18pt; margin: 0 0 4pt; }
        h2 { font-size: 14pt; margin: 14pt 0 6pt; }
        .selection { color: #333; margin: 0 0 12pt; }
        section.theme + section.theme { break-before: page; page-break-before: always; }
        table { border-collapse: collapse; width: 100%; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #777; padding: 3pt 4pt; text-align: left; vertical-align: top; }
        th { background: #eee; }
        @media screen { body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; } }
        """;

    public static byte[] Write(Compilation compilation, MarkdownRenderer markdown)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(compilation.Title)).Append("</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n<h1>").Append(E(compilation.Title)).Append("</h1>\n<p class=\"selection\">Selectie: ")
            .Append(E(compilation.Selection)).Append(". Gemaakt op ").Append(Compilation.Date(compilation.GeneratedUtc)).Append(".</p>\n");
        foreach (var section in compilation.Sections)
        {
            html.Append("<section class=\"theme\">\n");
            if (section.Heading is not null)
            {
                html.Append("<h2>").Append(E(section.Heading)).Append("</h2>\n");
            }

            if (!string.IsNullOrWhiteSpace(section.Synthesis))
            {
                using var writer = new StringWriter();
                markdown.Render(section.Synthesis, 2).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
                html.Append("<div class=\"synthesis\">").Append(writer).Append("</div>\n");
            }

            html.Append("<table>\n<thead><tr><th>Datum</th><th>Wijk</th><th>Casus</th><th>Aanbeveling</th><th>Pijlers</th><th>Status</th><th>Eigenaar</th><th>Deadline</th></tr></thead>\n<tbody>\n");
            foreach (var r in section.Items)
            {
                html.Append("<tr><td>").Append(Compilation.Date(r.DateUtc)).Append("</td><td>").Append(E(r.WijkName)).Append("</td><td>").Append(E(r.CaseCode ?? "—"))
                    .Append("</td><td>").Append(E(r.Text)).Append("</td><td>").Append(E(Compilation.Pillars(r))).Append("</td><td>")
                    .Append(Core.Recommendations.RecommendationStatusNames.Dutch(r.Status)).Append("</td><td>").Append(E(r.OwnerName ?? "—")).Append("</td><td>")
                    .Append(Compilation.Due(r.DueDate)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
