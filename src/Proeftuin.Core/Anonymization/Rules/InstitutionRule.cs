namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Named schools, practices, clubs, churches, mosques and businesses: a type word with a name after it
/// ("basisschool De Regenboog", "voetbalvereniging DHSC", "Autobedrijf Doğan", "obs de watertoren"), a name with a
/// type word after it ("Globe College", "Stedelijk Gymnasium Domstad") or one word that holds both
/// ("Sint-Maartenschool", "Selimiye-moskee"). Generic services (de huisarts, het buurtteam, Altrecht, Lokalis,
/// Veilig Thuis) are no named institutions. Walks the word list: linear in the text.
/// </summary>
internal sealed class InstitutionRule : IDetectionRule
{
    private static readonly HashSet<string> TypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "basisschool", "school", "obs", "cbs", "pcbs", "rkbs", "ikc", "sbo", "kindcentrum", "kinderdagverblijf", "kdv", "bso",
        "peuterspeelzaal", "kinderopvang", "moskee", "kerk", "gemeente", "parochie", "synagoge", "tempel", "huisartsenpraktijk",
        "gezondheidscentrum", "tandartspraktijk", "apotheek", "autobedrijf", "bouwbedrijf", "installatiebedrijf", "schilderbedrijf",
        "schoonmaakbedrijf", "transportbedrijf", "taxibedrijf", "slagerij", "bakkerij", "supermarkt", "kapsalon", "restaurant",
        "snackbar", "garage", "stichting", "scouting", "café", "bedrijf", "dansschool", "boksschool", "sportschool", "muziekschool",
    };

    /// <summary>Abbreviations that are type words only in capitals (so "so" or "hc" in running text is not one).</summary>
    private static readonly HashSet<string> CapitalTypeWords = new(StringComparer.Ordinal)
    {
        "SO", "VSO", "VV", "SV", "MHC", "HC", "ISK", "ROC", "USV", "OBS", "CBS", "IKC", "BSO", "KDV", "RKBS", "PCBS", "SBO", "SBAO", "ZMLK",
        "ZMOK", "PRO", "VMBO", "OJBS", "KBS", "GBS", "HBS", "IBS", "VBS", "CNS", "PCB", "RKB", "KC",
    };

    private static readonly string[] TypeSuffixes = ["vereniging", "club", "school", "opvang", "praktijk"];

    private static readonly string[] CompoundSuffixes = ["school", "kerk", "moskee", "gemeente", "college"];

    private static readonly HashSet<string> NameThenTypeWords = new(StringComparer.Ordinal)
    {
        "College", "Lyceum", "Gymnasium", "Academie", "Akademie", "Scholengemeenschap", "Campus",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "De", "Het", "de", "het", "'t", "Sint", "Al", "El", "DE", "HET", "'T" };

    private static readonly HashSet<string> LeadingStop = new(StringComparer.Ordinal)
    {
        "De", "Het", "Een", "Op", "In", "Naar", "Bij", "Van", "Via", "Aan", "Zit", "Gaat", "Ging", "Haar", "Zijn", "Mijn", "Onze", "Hun",
        "School", "Ze", "Hij", "Zij", "En", "Ook", "Nu", "Sinds", "Casus", "Mentor", "Vader", "Moeder", "Naam",
    };

    private static readonly HashSet<string> NotCompoundStems = new(StringComparer.OrdinalIgnoreCase)
    {
        "basis", "middelbare", "lagere", "voortgezet", "brede", "muziek", "dans", "zwem", "sport", "speciale", "praktijk", "hoge",
        "vrije", "openbare", "avond", "zondag", "zondags", "koran", "bijbel", "dorps", "zomer", "taal", "rij", "brug", "nacht",
        "basketbal", "voetbal", "kinder", "wijk", "buurt", "thuis", "stads", "huis", "straat", "rots", "stad", "boks", "dag",
    };

    private static readonly HashSet<string> NotAdjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "andere", "nieuwe", "grote", "kleine", "oude", "eerste", "tweede", "derde", "vorige", "volgende", "zelfde", "welke", "deze",
        "elke", "onze", "hele", "goede", "zware", "lange", "korte", "enige", "vaste", "speciale", "reguliere", "huidige", "vroegere",
        "middelbare", "lagere", "brede", "gewone", "openbare",
    };

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        var words = input.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Text;
            var before = findings.Count;
            if (IsTypeWord(word))
            {
                TypeThenName(text, words, i, findings);
            }

            if (findings.Count > before)
            {
                continue;
            }

            if (NameThenTypeWords.Contains(word))
            {
                NameThenType(text, words, i, findings);
            }
            else if (char.IsUpper(word[0]) && WordWalk.EndsWithAny(word, CompoundSuffixes, 2, out var suffix) && IsNamedCompound(word, suffix))
            {
                Compound(text, words, i, findings);
            }
        }
    }

    private static bool IsTypeWord(string word) =>
        CapitalTypeWords.Contains(word) || TypeWords.Contains(word)
        || (word.Length > 6 && WordWalk.EndsWithAny(word, TypeSuffixes, 3, out _) && !word.Contains('-', StringComparison.Ordinal));

    private static bool IsNamedCompound(string word, string suffix)
    {
        var stem = word[..^suffix.Length].TrimEnd('-');
        if (stem.StartsWith("Sint-", StringComparison.Ordinal))
        {
            stem = stem[5..];
        }

        return stem.Length >= 2 && !NotCompoundStems.Contains(stem) && !Lexicon.NotNames.Contains(word);
    }

    private static void TypeThenName(string text, List<Word> words, int type, List<Finding> findings)
    {
        if (!WordWalk.SpaceBetween(text, words, type))
        {
            return;
        }

        var typeWord = words[type].Text;
        var next = type + 1;
        var last = -1;

        // "obs de watertoren": lower-case name after a school type and an article.
        if (words[next].Text is "de" or "het" && typeWord.ToLowerInvariant() is "obs" or "cbs" or "ikc" or "basisschool"
            && WordWalk.SpaceBetween(text, words, next) && char.IsLower(words[next + 1].Text[0]) && words[next + 1].Text.Length >= 3)
        {
            last = next + 1;
        }
        else
        {
            var article = Articles.Contains(words[next].Text) && WordWalk.SpaceBetween(text, words, next);
            if (article)
            {
                next++;
            }

            // In a printout in capitals an ordinary word after the type word is no name: "NAAR SCHOOL GAAT".
            if (!article && words[next].IsAllCaps && WordSet.Dutch.Contains(words[next].Text))
            {
                return;
            }

            for (var k = next; k < words.Count && k - next < 4 && IsNameWord(words[k]); k++)
            {
                last = k;
                if (!WordWalk.SpaceBetween(text, words, k))
                {
                    break;
                }
            }
        }

        if (last < 0)
        {
            return;
        }

        var first = AdjectivesBefore(text, words, type);
        if (typeWord.Equals("gemeente", StringComparison.OrdinalIgnoreCase) && first == type)
        {
            return; // "de gemeente Utrecht" is the municipality, not a congregation.
        }

        findings.Add(new Finding(words[first].Start, words[last].End, Category.Institution, "institution-type", 0.85));
    }

    private static void NameThenType(string text, List<Word> words, int type, List<Finding> findings)
    {
        var first = type;
        for (var k = type - 1; k >= 0 && type - k <= 3 && WordWalk.SpaceBetween(text, words, k) && IsNameWord(words[k]) && !LeadingStop.Contains(words[k].Text); k--)
        {
            first = k;
        }

        if (first == type)
        {
            return;
        }

        var last = type;
        if (WordWalk.SpaceBetween(text, words, type) && IsNameWord(words[type + 1]) && !LeadingStop.Contains(words[type + 1].Text))
        {
            last = type + 1;
        }

        findings.Add(new Finding(words[first].Start, words[last].End, Category.Institution, "institution-name", 0.85));
    }

    private static void Compound(string text, List<Word> words, int index, List<Finding> findings)
    {
        var first = index;
        if (index > 0 && WordWalk.SpaceBetween(text, words, index - 1) && IsNameWord(words[index - 1]) && !LeadingStop.Contains(words[index - 1].Text)
            && !words[index - 1].SentenceStart)
        {
            first = index - 1;
        }

        var last = index;
        var next = index + 1;
        if (WordWalk.SpaceBetween(text, words, index) && words[next].Text is "De" or "Het" && WordWalk.SpaceBetween(text, words, next))
        {
            next++;
        }

        if (next < words.Count && WordWalk.SpaceBetween(text, words, next - 1) && IsNameWord(words[next]) && !LeadingStop.Contains(words[next].Text))
        {
            last = next;
        }

        findings.Add(new Finding(words[first].Start, words[last].End, Category.Institution, "institution-compound", 0.8));
    }

    /// <summary>Up to two adjectives before a type word: "islamitische basisschool", "Eritrees-orthodoxe kerk".</summary>
    private static int AdjectivesBefore(string text, List<Word> words, int type)
    {
        var first = type;
        for (var k = type - 1; k >= 0 && type - k <= 2 && WordWalk.SpaceBetween(text, words, k); k--)
        {
            var candidate = words[k].Text;
            var adjective = candidate.Length >= 5 && !NotAdjectives.Contains(candidate)
                && (candidate.EndsWith('e') || candidate.EndsWith("isch", StringComparison.Ordinal) || candidate.EndsWith("ees", StringComparison.Ordinal));
            if (!adjective)
            {
                break;
            }

            first = k;
        }

        return first;
    }

    private static bool IsNameWord(Word word) => char.IsUpper(word.Text[0]) || char.IsDigit(word.Text[0]);
}
