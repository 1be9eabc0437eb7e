using System.Text;

namespace Proeftuin.Web.Features.Coordination.Exports;

/// <summary>
/// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads ë and ’ right), comma or — for Dutch Excel — semicolon,
/// and cells that a spreadsheet would run as a formula prefixed with an apostrophe.
/// </summary>
public static class CsvExport
{
    public static readonly string[] Columns = ["thema", "datum", "wijk", "casus", "aanbeveling", "pijlers", "niveau", "gericht aan", "status", "eigenaar", "deadline"];

    public static byte[] Write(Compilation compilation, char separator)
    {
        var csv = new StringBuilder();
        Line(csv, separator, Columns);
        foreach (var section in compilation.Sections)
        {
            foreach (var r in section.Items)
            {
                Line(csv, separator, [
                    section.Heading ?? string.Empty, Compilation.Date(r.DateUtc), r.WijkName, r.CaseCode ?? string.Empty, r.Text, Compilation.Pillars(r),
                    Core.Recommendations.RecommendationStatusNames.Dutch(r.Level), Compilation.Addressees(r), Core.Recommendations.RecommendationStatusNames.Dutch(r.Status),
                    r.OwnerName ?? string.Empty, Compilation.Due(r.DueDate),
                ]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Neutralises formula injection (=, +, -, @, and tab/CR that some spreadsheets treat alike), then quotes.</summary>
    public static string Cell(string value, char separator)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, char separator, IEnumerable<string> cells) =>
        csv.AppendJoin(separator, cells.Select(c => Cell(c, separator))).Append("\r\n");
}
