using System.Globalization;
using System.Text.RegularExpressions;
using Proeftuin.Core.Common;

namespace Proeftuin.Core.Cases;

/// <summary>A case's code, <c>PREFIX-YEAR-NUMBER</c> such as <c>OND-2026-007</c>; unique within a wijk.</summary>
public sealed partial record CaseCode
{
    private CaseCode(string prefix, int year, int number)
    {
        Prefix = prefix;
        Year = year;
        Number = number;
    }

    public string Prefix { get; }

    public int Year { get; }

    public int Number { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Number:D3}");

    public static CaseCode Create(string prefix, int year, int number)
    {
        if (year is < 2000 or > 2999 || number is < 1 or > 99999)
        {
            throw new DomainException("case.code", "Een casuscode heeft een jaartal en een volgnummer vanaf 1.");
        }

        return new CaseCode(prefix, year, number);
    }

    public static CaseCode Parse(string value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException("case.code", $"'{value}' is geen geldige casuscode (verwacht bijvoorbeeld OND-2026-007).");

    public static bool TryParse(string? value, out CaseCode code)
    {
        code = null!;
        var match = value is null ? Match.Empty : Pattern().Match(value.Trim());
        if (!match.Success)
        {
            return false;
        }

        code = new CaseCode(
            match.Groups["prefix"].Value,
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));
        return code.Number > 0;
    }

    /// <summary>The next free code of a wijk in a year: one above the highest number used that year.</summary>
    public static CaseCode Next(string prefix, int year, IEnumerable<string> existingCodesOfNeighbourhood)
    {
        var highest = existingCodesOfNeighbourhood
            .Select(c => TryParse(c, out var parsed) ? parsed : null)
            .Where(c => c is not null && c.Prefix == prefix && c.Year == year)
            .Select(c => c!.Number)
            .DefaultIfEmpty(0)
            .Max();
        return Create(prefix, year, highest + 1);
    }

    /// <summary>A wijk's case codes must be unique and carry the wijk's own prefix.</summary>
    public static void EnsureUsable(CaseCode code, string neighbourhoodPrefix, IEnumerable<string> existingCodesOfNeighbourhood)
    {
        if (code.Prefix != neighbourhoodPrefix)
        {
            throw new DomainException("case.code", $"Casuscodes van deze wijk beginnen met {neighbourhoodPrefix}.");
        }

        var text = code.ToString();
        if (existingCodesOfNeighbourhood.Any(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("case.code.duplicate", $"Casuscode {text} bestaat al in deze wijk.");
        }
    }

    [GeneratedRegex(@"^(?<prefix>[A-Z]{2,4})-(?<year>\d{4})-(?<number>\d{3,5})$")]
    private static partial Regex Pattern();
}
