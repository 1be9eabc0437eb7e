using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using Proeftuin.Web.Infrastructure.Exports;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Infrastructure.Markdown;
using static Proeftuin.Web.Infrastructure.Exports.PrintableHtml;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// The report as a file: a Word document and a print page, each with every table and every chart as a PNG
/// (<see cref="ChartImage"/>; the print page carries it as a data: image, which its policy allows), or one table as
/// CSV (<see cref="CsvTable"/>: BOM, separator, formula-safe cells). The report's texts passed the guard already.
/// </summary>
public static class ReportExport
{
    public static byte[] Docx(CoordinatorReport report, MarkdownRenderer markdown, string generated, string themeCounts) =>
        WordDocument.Write(report.Title, document =>
        {
            document.Paragraph($"{report.Subtitle}. {generated}", null);
            if (report.HeldBack > 0)
            {
                document.Paragraph(HeldBackLine(report), null);
            }

            foreach (var section in report.Sections)
            {
                document.Heading(section.Title, 1);
                foreach (var chart in section.Charts)
                {
                    document.Heading(chart.Title, 2);
                    document.Image(ChartImage.Png(chart), ChartImage.PixelWidth, ChartImage.PixelHeight, chart.Id, chart.Description);
                }

                if (section.Key == "themes")
                {
                    Themes(report, themeCounts, theme =>
                    {
                        document.Heading(theme.Title, 2);
                        document.Paragraph(Counts(report, theme, themeCounts), null);
                        if (!string.IsNullOrWhiteSpace(theme.Synthesis))
                        {
                            MarkdownDocx.Append(document, markdown.Parse(theme.Synthesis), headingOffset: 2);
                        }
                    }, () => document.Paragraph(section.Tables[0].Empty, null));
                    continue;
                }

                foreach (var table in section.Tables)
                {
                    document.Heading(table.Title, 2);
                    if (table.Rows.Count == 0)
                    {
                        document.Paragraph(table.Empty, null);
                        continue;
                    }

                    var width = 9638 / table.Columns.Count;
                    document.Table(table.Columns, [.. table.Columns.Select(_ => width)], table.Rows);
                }
            }
        });

    public static byte[] Html(CoordinatorReport report, MarkdownRenderer markdown, string generated, string themeCounts)
    {
        var parts = new List<IHtmlContent>();
        if (report.HeldBack > 0)
        {
            parts.Add(new HtmlString($"<p>{Encode(HeldBackLine(report))}</p>"));
        }

        foreach (var section in report.Sections)
        {
            var html = new StringBuilder();
            html.Append("<section>\n<h2>").Append(Encode(section.Title)).Append("</h2>\n");
            foreach (var chart in section.Charts)
            {
                html.Append("<figure>\n<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(ChartImage.Png(chart)))
                    .Append("\" alt=\"").Append(Encode(chart.Description)).Append("\" width=\"").Append(ReportChart.Width)
                    .Append("\">\n<figcaption>").Append(Encode(chart.Title)).Append("</figcaption>\n</figure>\n");
            }

            if (section.Key == "themes")
            {
                Themes(report, themeCounts, theme =>
                {
                    html.Append("<h3>").Append(Encode(theme.Title)).Append("</h3>\n<p>").Append(Encode(Counts(report, theme, themeCounts))).Append("</p>\n");
                    if (!string.IsNullOrWhiteSpace(theme.Synthesis))
                    {
                        using var writer = new StringWriter(html);
                        markdown.Render(theme.Synthesis, 3).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
                    }
                }, () => html.Append("<p>").Append(Encode(section.Tables[0].Empty)).Append("</p>\n"));
            }
            else
            {
                foreach (var table in section.Tables)
                {
                    Table(html, table);
                }
            }

            parts.Add(new HtmlString(html.Append("</section>").ToString()));
        }

        return PrintableHtml.Write(report.Title, $"{report.Subtitle}. {generated}", parts);
    }

    public static byte[] Csv(ReportTable table, char separator) => CsvTable.Write(table.Columns, table.Rows, separator);

    public static string Generated(CoordinatorReport report) =>
        TimeZoneInfo.ConvertTimeFromUtc(report.GeneratedUtc, AmsterdamTime.Zone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append("<h3>").Append(Encode(table.Title)).Append("</h3>\n");
        if (table.Rows.Count == 0)
        {
            html.Append("<p>").Append(Encode(table.Empty)).Append("</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>").AppendJoin(string.Empty, table.Columns.Select(c => $"<th scope=\"col\">{Encode(c)}</th>")).Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(row[0])).Append("</th>")
                .AppendJoin(string.Empty, row.Skip(1).Select(c => $"<td>{Encode(c)}</td>")).Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Themes(CoordinatorReport report, string themeCounts, Action<ReportTheme> each, Action none)
    {
        if (report.Themes.Count == 0)
        {
            none();
        }

        foreach (var theme in report.Themes)
        {
            each(theme);
        }
    }

    private static string Counts(CoordinatorReport report, ReportTheme theme, string format) =>
        string.Format(CultureInfo.CurrentCulture, format, report.A.Dutch, theme.InA, report.B.Dutch, theme.InB);

    private static string HeldBackLine(CoordinatorReport report) =>
        $"{report.HeldBack} {(report.HeldBack == 1 ? "tekst" : "teksten")} achtergehouden (mogelijk identificerend).";
}
