using System.Text;

namespace Proeftuin.Web.Infrastructure.Exports;

/// <summary>
/// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads ë and ’ right), comma or — for Dutch Excel — semicolon,
/// and cells that a spreadsheet would run as a formula prefixed with an apostrophe. Every CSV export writes through here.
/// </summary>
public static class CsvTable
{
    /// <summary>The separator a request asks for: <c>?sep=semicolon</c> for Dutch Excel, otherwise a comma.</summary>
    public static char Separator(string? sep) => string.Equals(sep, "semicolon", StringComparison.OrdinalIgnoreCase) ? ';' : ',';

    public static byte[] Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows, char separator)
    {
        var csv = new StringBuilder();
        Line(csv, separator, columns);
        foreach (var row in rows)
        {
            Line(csv, separator, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// Neutralises formula injection (=, +, -, @, and tab/CR that some spreadsheets treat alike), then quotes. A plain
    /// signed number ("+5", "-3", "-1,5") is no formula and stays a number, so a column of changes sorts in Excel.
    /// </summary>
    public static string Cell(string value, char separator)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsSignedNumber(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static bool IsSignedNumber(string value) =>
        value.Length > 1 && value[0] is '+' or '-' && value.Skip(1).All(c => char.IsAsciiDigit(c) || c is ',' or '.') && char.IsAsciiDigit(value[1]);

    private static void Line(StringBuilder csv, char separator, IEnumerable<string> cells) =>
        csv.AppendJoin(separator, cells.Select(c => Cell(c, separator))).Append("\r\n");
}
