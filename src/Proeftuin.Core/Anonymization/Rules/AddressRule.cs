using System.Text.RegularExpressions;

namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Street names by their ending (-straat, -laan, -weg, -gracht, -dreef, …) or from the street lexicon, with the
/// capitalised words before them ("Johannes Vermeerstraat", "Sweder van Zuylenweg") and the house number and addition
/// after them ("212bis", "42 A", "231-hs", "118-2"). Articles and function words before the name stay outside.
/// </summary>
internal sealed partial class AddressRule : IDetectionRule
{
    private static readonly string[] Suffixes = ["straatweg", "straat", "laan", "weg", "plein", "singel", "kade", "gracht", "dreef", "steeg", "dijk", "zijde", "wal"];

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "van", "de", "der", "den", "ter", "ten", "'t", "’t" };

    private static readonly HashSet<string> Leading = new(StringComparer.Ordinal)
    {
        "De", "Het", "Een", "In", "Op", "Aan", "Bij", "Naar", "Via", "Vanaf", "Tot", "Langs", "Woont", "Adres", "Woonadres",
        "Wonend", "Richting", "Uit", "Over", "Voor", "Achter", "Naast", "Tegenover", "Hoek", "En", "Of", "Ook", "Nu", "Zij",
        "Hij", "Ze", "Moeder", "Vader", "Oma", "Opa", "Tante", "Oom", "Vanuit", "Kruising", "Bereikbaar",
    };

    private static readonly HashSet<string> NotStreets = new(StringComparer.OrdinalIgnoreCase)
    {
        "onderweg", "halverwege", "snelweg", "wandelweg", "fietsweg", "schoolplein", "speelplein", "zijweg", "uitweg", "omweg",
        "tussenweg", "levensweg", "zorgweg", "hoofdweg", "ringweg", "zeedijk", "binnenweg", "achterweg", "eigenweg", "luchtweg",
        "luchtwegen", "weggeweest", "vrijweg", "ziekenhuisweg", "dorpsplein", "marktplein", "stadsplein", "rechtbankweg",
    };

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        var words = input.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var bySuffix = WordWalk.StartsUpper(word) && WordWalk.EndsWithAny(word.Text, Suffixes, 2, out _) && !NotStreets.Contains(word.Text);
            var known = !bySuffix && WordWalk.StartsUpper(word) && Lexicon.Streets.Contains(word.Text);
            if (!bySuffix && !known)
            {
                continue;
            }

            var first = ExpandLeft(text, words, i);
            var end = word.End;
            var number = HouseNumber().Match(text, end);
            if (number.Success)
            {
                end = number.Index + number.Length;
            }

            // A street corner, "hoek Kanaalstraat/Damstraat", is one address.
            if (findings.Count > 0 && findings[^1] is { Category: Category.Address } corner && corner.End == words[first].Start - 1 && text[corner.End] == '/')
            {
                findings[^1] = corner with { End = end, Rule = "street-corner" };
                continue;
            }

            findings.Add(new Finding(words[first].Start, end, Category.Address, known ? "street-lexicon" : "street-suffix", 0.9));
        }
    }

    /// <summary>Takes in up to three capitalised words (with tussenvoegsels between) before the street word.</summary>
    private static int ExpandLeft(string text, List<Word> words, int street)
    {
        var first = street;
        var k = street;
        while (k > 0 && street - k < 4 && WordWalk.SpaceBetween(text, words, k - 1))
        {
            var previous = words[k - 1];
            if (WordWalk.StartsUpper(previous) && !Leading.Contains(previous.Text) && (previous.Text == "Van" || !Lexicon.NotNames.Contains(previous.Text)))
            {
                first = k - 1;
                k--;
            }
            else if (Particles.Contains(previous.Text) && k > 1 && WordWalk.SpaceBetween(text, words, k - 2))
            {
                k--;
            }
            else
            {
                break;
            }
        }

        return first;
    }

    [GeneratedRegex(@"\G (\d{1,4}( ?(bis|hs)|-(hs|bis|\d{1,3}|[A-Za-z]{1,2})| ?[A-Za-z])?)(?![\p{L}\d-])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 250)]
    private static partial Regex HouseNumber();
}
