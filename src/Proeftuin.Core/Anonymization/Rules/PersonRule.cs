namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Names of people. Dutch writes common nouns in lower case, so a capitalised word in the middle of a sentence that is
/// not a known place, month, language, service, medicine or disorder is most likely a name; at the start of a sentence
/// only lexicon names count. Context makes any word a name: a title (mw., dhr., dr., juf, meester), "genaamd"/"heet",
/// a family role ("broer Storm", "moeder (Khadija …)"), an age in brackets ("Noor (13)"), initials ("J. de Vries").
/// Parts are joined into full names with tussenvoegsels ("Anouk de Jong", "Yassir El Amrani"), and every other
/// mention of a name found once is flagged too, also in lower case and with a possessive -s.
/// </summary>
internal sealed class PersonRule(IReadOnlySet<string>? guardedHashes = null, GuardedNameHasher? hasher = null) : IDetectionRule
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mw", "mevr", "mevrouw", "dhr", "meneer", "mr", "juf", "juffrouw", "meester", "zr", "zuster", "ds", "dominee", "pastoor",
        "imam", "prof", "drs", "ir", "ing",
    };

    private static readonly HashSet<string> NameIntroducers = new(StringComparer.OrdinalIgnoreCase)
    {
        "genaamd", "heet", "heten", "bijnaam", "alias", "roepnaam", "naam",
    };

    private static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "moeder", "vader", "broer", "broertje", "broers", "zus", "zusje", "zussen", "oma", "opa", "tante", "oom", "neef", "nicht",
        "stiefvader", "stiefmoeder", "stiefbroer", "stiefzus", "halfbroer", "halfzus", "ouders", "zoon", "dochter", "vriend",
        "vriendin", "vriendje", "vriendinnetje", "kinderen", "voogd", "mentor", "trainer", "coach", "partner", "baby", "tweeling",
        "pleegmoeder", "pleegvader", "mdr", "vdr", "pt", "cliënt", "client", "leerling", "klasgenoot", "buurman", "buurvrouw",
        "gezin", "zoontje", "dochtertje", "vriendinnen", "vrienden", "begeleider", "inbrenger", "leerkracht", "jongen", "meisje",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "de", "der", "den", "ter", "ten", "te", "'t", "’t", "in", "op", "la", "le", "da", "di", "du", "del", "von",
    };

    private static readonly HashSet<string> CapitalParticles = new(StringComparer.Ordinal)
    {
        "Van", "De", "Der", "Den", "Ter", "Ten", "El", "Al", "Ait", "Aït", "Abu", "Ben", "Bin", "Le", "La", "Da", "Di", "Du", "Mc", "Ou",
    };

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        var words = input.Words;
        var facts = new WordFacts[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            facts[i] = WordFacts.Of(words[i].Text);
        }

        var isName = new double[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            isName[i] = Score(text, words, facts, i);
        }

        // A first name right before a recognised surname is part of the name, even if it is also a word ("bo jansen").
        for (var i = words.Count - 2; i >= 0; i--)
        {
            if (isName[i] < 0.6 && isName[i + 1] >= 0.6 && text[words[i].End..words[i + 1].Start] == " "
                && facts[i].FirstName && facts[i + 1].Surname)
            {
                isName[i] = 0.8;
            }
        }

        Propagate(words, facts, isName);
        JoinFullNames(text, words, isName, findings, GuardedWords(words, facts));
    }

    private double Score(string text, List<Word> words, WordFacts[] facts, int i)
    {
        var word = words[i];
        var fact = facts[i];
        if (guardedHashes is { Count: > 0 } && hasher is not null && guardedHashes.Contains(hasher.Hash(fact.Bare)))
        {
            return 1.0;
        }

        var previous = i > 0 ? words[i - 1] : default;
        var gap = i > 0 ? text[previous.End..word.Start] : string.Empty;
        var inLexicon = fact.FirstName || fact.Surname;
        var ambiguous = fact.Ambiguous;
        var notName = fact.NotName;

        if (i > 0 && IsShortGap(gap) && (Titles.Contains(previous.Text) || NameIntroducers.Contains(previous.Text)))
        {
            // "mw. de vries" is a name in any case; after "juf" or "meester" written out only a capitalised word is.
            var abbreviated = gap.StartsWith('.');
            if (abbreviated && Particles.Contains(word.Text))
            {
                return 0.7;
            }

            if (word.IsCapitalized || word.IsAllCaps || (abbreviated && !Lexicon.NotNames.Contains(word.Text)) || (word.IsLower && inLexicon))
            {
                return Particles.Contains(word.Text) ? 0.7 : 0.95;
            }
        }

        // The word after a title and tussenvoegsels ("dhr. Van Rijn", "mw. de vries") is the surname.
        if (i > 1 && (Particles.Contains(previous.Text) || CapitalParticles.Contains(previous.Text)) && gap == " " && IsAfterTitle(text, words, i - 1))
        {
            return 0.95;
        }

        if (!word.IsCapitalized && inLexicon && !ambiguous && HasNameContext(text, words, i, gap))
        {
            return 0.9;
        }

        if (!word.IsCapitalized && !word.IsAllCaps)
        {
            // Lower case: a lexicon first name that is no Dutch word ("tijn", "jakub"), or a surname after a titled particle.
            return word.Text.Length >= 3 && fact.FirstName && !ambiguous && !notName && !Particles.Contains(word.Text) ? 0.6 : 0;
        }

        if (word.IsAllCaps)
        {
            return inLexicon && word.Text.Length >= 3 ? 0.8 : 0;
        }

        if (notName && !inLexicon)
        {
            return 0;
        }

        var context = HasNameContext(text, words, i, gap) && IsNameShaped(word.Text);
        if (context)
        {
            return 0.95;
        }

        if (!word.SentenceStart && !notName && (inLexicon || (word.Text.Length >= 3 && IsNameShaped(word.Text))))
        {
            return inLexicon ? 0.9 : 0.65;
        }

        if (word.SentenceStart && inLexicon && !ambiguous && !notName)
        {
            return 0.85;
        }

        // A word after initials ("T. Smit") looks like a sentence start but is a surname.
        return i > 0 && previous.Text.Length == 1 && char.IsUpper(previous.Text[0]) && gap.StartsWith('.') ? 0.9 : 0;
    }

    private static bool HasNameContext(string text, List<Word> words, int i, string gap)
    {
        var word = words[i];
        if (i > 0 && Roles.Contains(words[i - 1].Text) && gap.Trim() is "" or "(" or ":" or ",")
        {
            return true;
        }

        // An apposition with a family role: "Xander, zijn broer, …".
        var apposition = text.AsSpan(word.End, Math.Min(24, text.Length - word.End));
        foreach (var possessive in new[] { ", zijn ", ", haar ", ", hun " })
        {
            if (apposition.StartsWith(possessive, StringComparison.Ordinal))
            {
                var rest = apposition[possessive.Length..];
                var length = 0;
                while (length < rest.Length && char.IsLetter(rest[length]))
                {
                    length++;
                }

                if (Roles.Contains(rest[..length].ToString()))
                {
                    return true;
                }
            }
        }

        // An age right after the name: "Noor (13)", "Yusuf Çelik, 10 jaar".
        var after = text.AsSpan(word.End, Math.Min(12, text.Length - word.End));
        return after.StartsWith(" (") && after.Length > 2 && char.IsDigit(after[2])
            || (after.StartsWith(", ") && after.Length > 2 && char.IsDigit(after[2]) && (after.Contains(" jaar", StringComparison.Ordinal) || after.Contains(" j", StringComparison.Ordinal)));
    }

    /// <summary>Every mention of a word that was recognised as a name somewhere in the text is a name too.</summary>
    private static void Propagate(List<Word> words, WordFacts[] facts, double[] isName)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (isName[i] >= 0.6 && words[i].Text.Length >= 2 && !Particles.Contains(words[i].Text) && !CapitalParticles.Contains(words[i].Text))
            {
                known.Add(facts[i].Normalized);
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (isName[i] < 0.6 && known.Contains(facts[i].Normalized) && !facts[i].NotNameExact)
            {
                isName[i] = 0.8;
            }
        }
    }

    /// <summary>Joins initials, name parts and tussenvoegsels into one finding per full name.</summary>
    /// <summary>Which words match a guarded name's hash: their findings are named after that rule.</summary>
    private bool[] GuardedWords(List<Word> words, WordFacts[] facts)
    {
        var guarded = new bool[words.Count];
        if (guardedHashes is { Count: > 0 } && hasher is not null)
        {
            for (var i = 0; i < words.Count; i++)
            {
                guarded[i] = guardedHashes.Contains(hasher.Hash(facts[i].Bare));
            }
        }

        return guarded;
    }

    private static void JoinFullNames(string text, List<Word> words, double[] isName, List<Finding> findings, bool[] guarded)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (isName[i] < 0.6 && !IsInitial(text, words, i))
            {
                continue;
            }

            var start = words[i].Start;
            var confidence = isName[i];
            var last = i;
            var j = i + 1;
            while (j < words.Count && IsShortGap(text[words[j - 1].End..words[j].Start]))
            {
                var gap = text[words[j - 1].End..words[j].Start];
                if (isName[j] >= 0.6 && (gap == " " || (gap is ". " or "." && IsInitial(text, words, j - 1))))
                {
                    last = j;
                    confidence = Math.Max(confidence, isName[j]);
                    j++;
                    continue;
                }

                // Tussenvoegsels between name parts: "de", "van der", "van 't", "El", "Ait".
                var k = j;
                while (k < words.Count && k - j < 3 && (Particles.Contains(words[k].Text) || CapitalParticles.Contains(words[k].Text)) && text[words[k - 1].End..words[k].Start].Trim('.').Trim() == string.Empty)
                {
                    k++;
                }

                if (k > j && k < words.Count && text[words[k - 1].End..words[k].Start] == " " && (words[k].IsCapitalized || isName[i] >= 0.9 || (words[k].IsLower && IsAfterTitle(text, words, i))) && !Lexicon.NotNames.Contains(words[k].Text))
                {
                    last = k;
                    isName[k] = Math.Max(isName[k], 0.8);
                    j = k + 1;
                    continue;
                }

                if (IsInitial(text, words, j - 1) && words[j].IsCapitalized && gap.StartsWith('.'))
                {
                    last = j;
                    j++;
                    continue;
                }

                break;
            }

            // Only initials, no name after them: not a person.
            if (last == i && IsInitial(text, words, i) && isName[i] < 0.6)
            {
                continue;
            }

            var end = words[last].End;
            var rule = guarded.AsSpan(i, last - i + 1).Contains(true) ? "guarded-name" : "person";
            findings.Add(new Finding(start, end, Category.Person, rule, Math.Round(confidence, 2)));
            i = last;
        }
    }

    /// <summary>
    /// Compounds like "ADHD-onderzoek" or "Wmo-aanvraag" are nouns; a hyphenated name has a capital in every part
    /// ("Ramdin-Jagessar", "Al-Hassan") and no part that is a place, language or other known non-name.
    /// </summary>
    private static bool IsNameShaped(string word)
    {
        var parts = word.Split('-', '\'', '’');
        return Array.TrueForAll(parts, p => p.Length > 0 && char.IsUpper(p[0]) && !p.Skip(1).All(char.IsUpper))
            && (parts.Length == 1 || !Array.Exists(parts, p => !CapitalParticles.Contains(p) && Lexicon.NotNames.Contains(p)));
    }

    private static bool IsAfterTitle(string text, List<Word> words, int i) =>
        i > 0 && Titles.Contains(words[i - 1].Text) && IsShortGap(text[words[i - 1].End..words[i].Start]);

    private static bool IsInitial(string text, List<Word> words, int i) =>
        words[i].Text.Length == 1 && char.IsUpper(words[i].Text[0]) && words[i].End < text.Length && text[words[i].End] == '.'
        && i + 1 < words.Count && (words[i + 1].IsCapitalized || Particles.Contains(words[i + 1].Text) || words[i + 1].Text.Length == 1);

    private static bool IsShortGap(string gap) => gap.Length <= 3 && !gap.Contains('\n', StringComparison.Ordinal);

    /// <summary>What the lexicons say of one word, looked up once per scan.</summary>
    private readonly record struct WordFacts(string Bare, string Normalized, bool FirstName, bool Surname, bool Ambiguous, bool NotName, bool NotNameExact)
    {
        public static WordFacts Of(string word)
        {
            var normalizedWord = Lexicon.Normalize(word);
            var bare = word;
            var normalized = normalizedWord;
            if (word.Length > 3 && word.EndsWith('s'))
            {
                var stem = normalizedWord[..^1];
                if (Lexicon.FirstNames.ContainsNormalized(stem) || Lexicon.Surnames.ContainsNormalized(stem))
                {
                    bare = word[..^1];
                    normalized = stem;
                }
            }

            var notNameExact = Lexicon.NotNames.ContainsNormalized(normalizedWord);
            return new WordFacts(
                bare,
                normalized,
                Lexicon.FirstNames.ContainsNormalized(normalized),
                Lexicon.Surnames.ContainsNormalized(normalized),
                Lexicon.AmbiguousNames.ContainsNormalized(normalized),
                notNameExact || Lexicon.NotNames.ContainsNormalized(normalized),
                notNameExact);
        }
    }

}
