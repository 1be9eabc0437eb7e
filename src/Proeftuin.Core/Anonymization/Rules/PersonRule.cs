namespace Proeftuin.Core.Anonymization.Rules;

/// <summary>
/// Names of people. Dutch writes common nouns in lower case, so a capitalised word in the middle of a sentence that is
/// not a known place, month, language, service, medicine or disorder is most likely a name; at the start of a sentence
/// only lexicon names count. Context makes any word a name: a title (mw., dhr., dr., juf, meester), "genaamd"/"heet",
/// a family role ("broer Storm", "moeder (Khadija …)"), an age in brackets ("Noor (13)"), initials ("J. de Vries").
/// Parts are joined into full names with tussenvoegsels ("Anouk de Jong", "Yassir El Amrani"), and every other
/// mention of a name found once is flagged too, also in lower case and with a possessive -s.
/// </summary>
/// <remarks>
/// After the rules, a logistic regression (<see cref="PersonModel"/>) re-scores the candidates whose rule reason is weak
/// (a name list, an unknown capitalised word, a speech verb, a neighbouring name): it can drop such a word or add one
/// the rules left out. Strong evidence (a guarded name, a title, a role or label, initials) is never overruled.
/// </remarks>
internal sealed class PersonRule(
    IReadOnlySet<string>? guardedHashes = null,
    GuardedNameHasher? hasher = null,
    PersonModel? model = null,
    List<PersonCandidate>? candidates = null) : IDetectionRule
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mw", "mevr", "mevrouw", "dhr", "meneer", "mr", "juf", "juffrouw", "meester", "zr", "zuster", "ds", "dominee", "pastoor",
        "imam", "prof", "drs", "ir", "ing", "mrs", "ms", "miss", "trainster", "coach", "notulist",
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
        "huisarts", "jeugdarts", "gezinswerker", "groepsleerkracht", "leerplichtambtenaar", "ib", "ib'er", "ibr", "intern", "voorzitter",
        "medebehandelaar", "behandelaar", "buurjongen", "buurmeisje", "buurvrouw", "klasgenote", "teamleider", "mother", "father",
        "brother", "sister", "son", "daughter", "friend", "teacher", "aunt", "uncle", "grandmother", "grandfather", "mum", "mom", "dad",
        "stepfather", "stepmother", "nurse", "counsellor", "counselor", "gp", "psycholoog", "orthopedagoog", "logopedist", "coach",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleLookup = Roles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Labels that introduce a name after a colon: "Van: …", "Leerling: …", "Aanwezig: …", "PATIENT: …".</summary>
    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "aan", "cc", "leerling", "aanwezig", "afwezig", "notulist", "notulen", "patient", "patiënt", "naam", "cliënt", "client",
        "contactpersoon", "behandelaar", "mentor", "casushouder", "regiehouder", "zorgaanbieder", "aanmelder", "verwijzer", "beller",
        "belde", "door", "from", "to", "name", "re", "betreft",
    };

    /// <summary>Greetings at the start of a line: the next word is the addressee's name.</summary>
    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "beste", "hoi", "dag", "hallo", "lieve", "dear", "hi", "hello", "groet", "groeten", "gr",
    };

    /// <summary>What follows a name in brackets: a role or a sex ("Anh (POH-GGZ)", "Kofi (M)").</summary>
    private static readonly string[] BracketRoles =
    [
        "(voorzitter", "(huisarts", "(poh", "(jeugdarts", "(gezinswerker", "(notulist", "(m)", "(v)", "(ib", "(mentor", "(moeder", "(vader",
        "(leerkracht", "(jgz", "(school", "(buurtteam", "(psycholoog", "(orthopedagoog", "(leerplicht", "(ggz",
    ];

    private static readonly string[] Possessives = [", zijn ", ", haar ", ", hun "];

    /// <summary>Verbs of speech and action right after a name ("Anh vertelt", "Kofi says"): weak context.</summary>
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "zegt", "vertelt", "vraagt", "belt", "belde", "meldt", "stelt", "wil", "vindt", "geeft", "mailt", "appt", "appte", "zei", "vertelde",
        "vroeg", "says", "said", "told", "reports", "asks", "asked", "heeft", "is", "was", "gaat", "komt",
    };

    /// <summary>Lower-case shorthand of notes that is in no dictionary but is not a name.</summary>
    private static readonly HashSet<string> Shorthand = new(StringComparer.Ordinal)
    {
        "ivm", "nav", "obv", "tav", "mbt", "ong", "mnd", "mndn", "jr", "wk", "wkn", "ok", "oke", "oké", "pt", "mdo", "ggz", "jgz", "poh", "sdq",
        "insta", "snap", "app", "appje", "ff", "idd", "evt", "zsm", "vlg", "vgl", "bijv", "bv", "incl", "excl", "afspr", "tel", "mob", "gespr",
        "hv", "ha", "ws", "mss", "iig", "ipv", "zgn", "resp", "tm", "vd", "vh", "ovv", "dwz", "oa", "ofzo", "enzo", "tja", "haha", "huh",
        "whatsapp", "facetime", "teams", "online", "offline", "chill", "nvt", "ntb", "cq", "mdw", "mvg", "gr", "lol", "omg", "btw",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "de", "der", "den", "ter", "ten", "te", "'t", "’t", "in", "op", "la", "le", "da", "di", "du", "del", "von", "el", "al",
    };

    private static readonly HashSet<string> CapitalParticles = new(StringComparer.Ordinal)
    {
        "Van", "De", "Der", "Den", "Ter", "Ten", "VAN", "DE", "DER", "DEN", "TER", "TEN", "'T", "El", "Al", "Ait", "Aït", "Abu", "Ben", "Bin", "Le", "La", "Da", "Di", "Du", "Mc", "Ou",
    };

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var text = input.Text;
        var words = input.Words;
        // Words repeat: look each one up once per scan.
        var facts = new WordFacts[words.Count];
        var seen = new Dictionary<string, WordFacts>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (!seen.TryGetValue(words[i].Text, out var known))
            {
                known = Vocabulary.FactsOf(words[i].Text);
                seen[words[i].Text] = known;
            }

            facts[i] = known;
        }

        var isName = new double[words.Count];
        var reasons = new PersonReason[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            (isName[i], reasons[i]) = GluedToDigit(text, words[i]) ? (0, PersonReason.None) : Score(text, words, facts, i, input.Style);
        }

        // A first name right before a recognised surname is part of the name, even if it is also a word ("bo jansen").
        for (var i = words.Count - 2; i >= 0; i--)
        {
            if (isName[i] < 0.6 && isName[i + 1] >= 0.6 && Gap(text, words, i) is " "
                && facts[i].FirstName && facts[i + 1].Surname)
            {
                isName[i] = 0.8;
                reasons[i] = PersonReason.FullName;
            }
        }

        // A capitalised word right before a recognised name is its first part, also when it is a word ("Wang Xiaoming").
        for (var i = words.Count - 2; i >= 0; i--)
        {
            if (isName[i] < 0.6 && isName[i + 1] >= 0.7 && words[i].IsCapitalized && !words[i].SentenceStart && Gap(text, words, i) is " "
                && !facts[i].NotName && IsNameShaped(words[i].Text) && !facts[i].Is(WordKind.Particle) && !facts[i].Is(WordKind.CapitalParticle))
            {
                isName[i] = 0.75;
                reasons[i] = PersonReason.FullName;
            }
        }

        // A capitalised word right after a recognised first name is its surname, also when it is a word ("Öykü Brandt").
        for (var i = 1; i < words.Count; i++)
        {
            if (isName[i] < 0.6 && isName[i - 1] >= 0.7 && (words[i].IsCapitalized || (words[i].IsAllCaps && input.Style.AllCaps))
                && Gap(text, words, i - 1) is " " && !facts[i].NotName && IsNameShaped(words[i].Text) is var shaped
                && (shaped || words[i].IsAllCaps) && !facts[i].Is(WordKind.Particle) && !facts[i].Is(WordKind.CapitalParticle))
            {
                isName[i] = 0.75;
                reasons[i] = PersonReason.FullName;
            }
        }

        ApplyModel(text, words, facts, isName, reasons, input.Style);
        Propagate(words, facts, isName, reasons);
        JoinFullNames(text, words, facts, isName, reasons, findings, GuardedWords(words, facts));
    }

    /// <summary>
    /// Lets the model decide the candidates the rules were unsure of. It sees the rules' scores as they were, so one of its
    /// decisions does not feed the next. With a candidate list (fitting), every candidate's features are collected.
    /// </summary>
    private void ApplyModel(string text, List<Word> words, WordFacts[] facts, double[] isName, PersonReason[] reasons, TextStyle style)
    {
        if ((model is null || model.Silent) && candidates is null)
        {
            return;
        }

        var rule = (double[])isName.Clone();
        Span<double> features = stackalloc double[PersonFeatures.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsModelCandidate(words[i], facts[i], rule[i], reasons[i]))
            {
                continue;
            }

            Features(features, text, words, facts, rule, i, style);
            candidates?.Add(new PersonCandidate(words[i].Start, words[i].End, features.ToArray()));
            if (model is null)
            {
                continue;
            }

            var probability = model.Probability(features);
            if (rule[i] >= 0.6 && probability < model.DropThreshold)
            {
                isName[i] = 0;
                reasons[i] = PersonReason.None;
            }
            else if (rule[i] < 0.6 && probability >= model.AddThreshold)
            {
                isName[i] = Math.Round(Math.Clamp(probability, 0.6, 0.9), 2);
                reasons[i] = PersonReason.Model;
            }
        }
    }

    /// <summary>A word the model may decide: name-like, not settled by strong evidence, not a known non-name left out.</summary>
    private static bool IsModelCandidate(Word word, WordFacts fact, double rule, PersonReason reason)
    {
        if (reason is PersonReason.Guarded or PersonReason.Title or PersonReason.Context or PersonReason.Initials && rule >= 0.6)
        {
            return false;
        }

        if (word.Text.Length < 2 || (rule < 0.6 && fact.NotName) || fact.Is(WordKind.Particle) || fact.Is(WordKind.CapitalParticle))
        {
            return false;
        }

        return rule >= 0.6 || word.IsCapitalized || word.IsAllCaps || fact.FirstName || fact.Surname;
    }

    /// <summary>Fills <paramref name="x"/> in the order of <see cref="PersonFeatures.Names"/>.</summary>
    private static void Features(Span<double> x, string text, List<Word> words, WordFacts[] facts, double[] rule, int i, TextStyle style)
    {
        static double B(bool value) => value ? 1 : 0;
        var word = words[i];
        var fact = facts[i];
        var gap = i > 0 ? Gap(text, words, i - 1) : [];
        var nextGapIsSpace = i + 1 < words.Count && Gap(text, words, i) is " ";
        var dutch = fact.DutchWord;
        var english = fact.EnglishWord;
        var after = text.AsSpan(word.End, Math.Min(4, text.Length - word.End));
        x[0] = 1;
        x[1] = B(rule[i] >= 0.6);
        x[2] = rule[i];
        x[3] = B(fact.FirstName);
        x[4] = B(fact.Surname);
        x[5] = B(fact.Ambiguous);
        x[6] = B(fact.NotName);
        x[7] = B(dutch);
        x[8] = B(english);
        x[9] = B(!dutch && !english && !fact.NotName);
        x[10] = B(word.IsCapitalized);
        x[11] = B(word.IsAllCaps);
        x[12] = B(word.IsLower);
        x[13] = B(word.SentenceStart);
        x[14] = B(i > 0 && IsShortGap(gap) && (facts[i - 1].Is(WordKind.Title) || facts[i - 1].Is(WordKind.Introducer)));
        x[15] = B(HasNameContext(text, words, facts, i, gap));
        x[16] = B(FollowedBySpeechVerb(text, words, facts, i));
        x[17] = B(after.Length > 2 && after.StartsWith(" (") && char.IsDigit(after[2]));
        x[18] = B(i > 0 && rule[i - 1] >= 0.6 && gap is " ");
        x[19] = B(nextGapIsSpace && rule[i + 1] >= 0.6);
        x[20] = B(nextGapIsSpace && words[i + 1].IsCapitalized);
        x[21] = B(word.IsCapitalized && IsNameShaped(word.Text));
        x[22] = B(style.LowerCase);
        x[23] = B(style.AllCaps);
        x[24] = B(style.English);
        x[25] = B(word.Text.Length < 3);
    }

    private (double Score, PersonReason Reason) Score(string text, List<Word> words, WordFacts[] facts, int i, TextStyle style)
    {
        var word = words[i];
        var fact = facts[i];
        if (guardedHashes is { Count: > 0 } && hasher is not null && guardedHashes.Contains(hasher.Hash(fact.Bare)))
        {
            return (1.0, PersonReason.Guarded);
        }

        var previous = i > 0 ? words[i - 1] : default;
        var gap = i > 0 ? text.AsSpan(previous.End, word.Start - previous.End) : [];
        var inLexicon = fact.FirstName || fact.Surname;
        var ambiguous = fact.Ambiguous;
        var notName = fact.NotName;
        bool Unknown() => !notName && !fact.DutchWord && !fact.EnglishWord;

        if (i > 0 && IsShortGap(gap) && (facts[i - 1].Is(WordKind.Title) || facts[i - 1].Is(WordKind.Introducer)))
        {
            // "mw. de vries" is a name in any case; after "juf" or "meester" written out only a capitalised word is.
            var abbreviated = gap.Length > 0 && gap[0] == '.';
            if (abbreviated && fact.Is(WordKind.Particle))
            {
                return (0.7, PersonReason.Title);
            }

            if (word.IsCapitalized || word.IsAllCaps || (abbreviated && !Lexicon.NotNames.Contains(word.Text)) || (word.IsLower && (inLexicon || Unknown())))
            {
                return (fact.Is(WordKind.Particle) ? 0.7 : 0.95, PersonReason.Title);
            }
        }

        // The word after a title and tussenvoegsels ("dhr. Van Rijn", "mw. de vries") is the surname.
        if (i > 1 && (facts[i - 1].Is(WordKind.Particle) || facts[i - 1].Is(WordKind.CapitalParticle)) && gap is " " && IsAfterTitle(text, words, facts, i - 1))
        {
            return (0.95, PersonReason.Title);
        }

        // A known non-name in exactly this form (a language, a place, a title) is a name only after a title.
        if (fact.NotNameExact)
        {
            return (0, PersonReason.None);
        }

        // The first word of a known title or place ("Harry Potter", "Brawl Stars") is no name either.
        if (i + 1 < words.Count && words[i + 1].Start - word.End == 1 && text[word.End] == ' ' && words[i + 1].IsCapitalized
            && facts[i + 1].NotNameExact && !facts[i + 1].Is(WordKind.CapitalParticle))
        {
            return (0, PersonReason.None);
        }

        var context = false;
        var weakContext = false;
        if (!word.IsCapitalized && !word.IsAllCaps)
        {
            // Most words of a text are lower-case ordinary words: settle those before looking at the context.
            if (word.Text.Length < 3 || notName || fact.Is(WordKind.Particle) || fact.Is(WordKind.Shorthand))
            {
                return (0, PersonReason.None);
            }

            // The dictionaries are looked up last and only when it matters: they are large, so a look-up costs a cache miss.
            var known = inLexicon && !ambiguous;
            context = HasNameContext(text, words, facts, i, gap);
            if (!known && !context && !style.LowerCase)
            {
                return (0, PersonReason.None);
            }

            var unknownWord = Unknown();

            // Lower case: a name with context, a lexicon first name that is no word ("tijn", "jakub"), or in a chat
            // note written in lower case throughout, any word that is in no dictionary.
            if (context && (unknownWord || known))
            {
                return (0.9, PersonReason.Context);
            }

            if (style.LowerCase && unknownWord && IsLetters(word.Text))
            {
                return (0.7, PersonReason.LowerCaseUnknown);
            }

            return (fact.FirstName && !ambiguous && !fact.DutchWord && !fact.EnglishWord ? 0.6 : 0, PersonReason.Lexicon);
        }

        context = HasNameContext(text, words, facts, i, gap);
        weakContext = !context && FollowedBySpeechVerb(text, words, facts, i);
        if (word.IsAllCaps)
        {
            if (!style.AllCaps)
            {
                return (inLexicon && word.Text.Length >= 3 ? 0.8 : 0, PersonReason.Lexicon);
            }

            // A printout in capitals: capitals say nothing, the dictionaries do.
            if (notName && !inLexicon)
            {
                return (0, PersonReason.None);
            }

            if (context && (!fact.DutchWord || inLexicon))
            {
                return (0.9, PersonReason.Context);
            }

            if (inLexicon && !ambiguous)
            {
                return (0.85, PersonReason.Lexicon);
            }

            return (word.Text.Length >= 4 && IsLetters(word.Text) && Unknown() ? 0.75 : 0, PersonReason.CapitalsUnknown);
        }

        if (notName && !inLexicon)
        {
            return (0, PersonReason.None);
        }

        if (context && IsNameShaped(word.Text))
        {
            return (0.95, PersonReason.Context);
        }

        if (weakContext && !word.SentenceStart && IsNameShaped(word.Text) && (inLexicon || Unknown()))
        {
            return (0.9, PersonReason.SpeechVerb);
        }

        var dictionaryWord = fact.DutchWord || (style.English && fact.EnglishWord);
        if (style.English && fact.EnglishWord && ambiguous)
        {
            return (0, PersonReason.None); // "The", "Will", "May" in an English note.
        }

        if (!word.SentenceStart && (inLexicon || (word.Text.Length >= 3 && !dictionaryWord && IsNameShaped(word.Text))))
        {
            return inLexicon ? (0.9, PersonReason.Lexicon) : (0.75, PersonReason.UnknownCapitalised);
        }

        if (word.SentenceStart && inLexicon && !ambiguous)
        {
            return (0.85, PersonReason.Lexicon);
        }

        // At the start of a sentence a capitalised word that is in no dictionary is a name too ("Kwabena kwam …").
        if (word.SentenceStart && word.Text.Length >= 3 && Unknown() && IsNameShaped(word.Text) && (weakContext || !style.English || !fact.EnglishWord))
        {
            return (0.7, PersonReason.UnknownCapitalised);
        }

        // A word after initials ("T. Smit") looks like a sentence start but is a surname.
        return (i > 0 && IsInitial(text, words, facts, i - 1) && gap is ". " or "." ? 0.9 : 0, PersonReason.Initials);
    }

    /// <summary>Letters glued to a digit are part of a code or a reference ("xfd8cf4", "A12"), never a name on their own.</summary>
    private static bool GluedToDigit(string text, Word word) =>
        (word.Start > 0 && char.IsAsciiDigit(text[word.Start - 1])) || (word.End < text.Length && char.IsAsciiDigit(text[word.End]));

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c) && c is not '-' and not '\'')
            {
                return false;
            }
        }

        return true;
    }

    private static bool FollowedBySpeechVerb(string text, List<Word> words, WordFacts[] facts, int i) =>
        i + 1 < words.Count && text.AsSpan(words[i].End, words[i + 1].Start - words[i].End).SequenceEqual(" ") && facts[i + 1].Is(WordKind.SpeechVerb);

    private static bool HasNameContext(string text, List<Word> words, WordFacts[] facts, int i, ReadOnlySpan<char> gap)
    {
        var word = words[i];
        var trimmedGap = gap.Trim();
        if (i > 0 && facts[i - 1].Is(WordKind.Role) && trimmedGap is "" or "(" or ":" or "," or ".:")
        {
            return true;
        }

        if (i > 0 && trimmedGap is ":" && facts[i - 1].Is(WordKind.Label))
        {
            return true;
        }

        // "moeder van cloyd", "the mother of Kofi".
        if (i > 1 && gap is " " && words[i - 1].Text is "van" or "of" && facts[i - 2].Is(WordKind.Role) && text[words[i - 2].End] == ' ')
        {
            return true;
        }

        // "Beste Shumei," at the start of a line; "Aanwezig: A (voorzitter), B (huisarts)".
        if (i > 0 && gap is " " && facts[i - 1].Is(WordKind.Greeting) && (i == 1 || text.AsSpan(words[i - 2].End, words[i - 1].Start - words[i - 2].End).Contains('\n')))
        {
            return true;
        }

        var bracket = text.AsSpan(word.End, Math.Min(16, text.Length - word.End));
        if (bracket.StartsWith(" (", StringComparison.Ordinal))
        {
            foreach (var role in BracketRoles)
            {
                if (bracket[1..].StartsWith(role, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        else if (bracket.StartsWith(", aged ", StringComparison.Ordinal))
        {
            return true;
        }

        // An apposition with a family role: "Xander, zijn broer, …".
        var apposition = text.AsSpan(word.End, Math.Min(24, text.Length - word.End));
        foreach (var possessive in Possessives)
        {
            if (apposition.StartsWith(possessive, StringComparison.Ordinal))
            {
                var rest = apposition[possessive.Length..];
                var length = 0;
                while (length < rest.Length && char.IsLetter(rest[length]))
                {
                    length++;
                }

                if (RoleLookup.Contains(rest[..length]))
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
    private static void Propagate(List<Word> words, WordFacts[] facts, double[] isName, PersonReason[] reasons)
    {
        // A name that is also a word ("Storm", "The") carries over to a lower-case mention only when context made it a name.
        var known = new HashSet<string>(StringComparer.Ordinal);
        var knownByContext = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (isName[i] >= 0.6 && words[i].Text.Length >= 2 && !facts[i].Is(WordKind.Particle) && !facts[i].Is(WordKind.CapitalParticle))
            {
                known.Add(facts[i].Normalized);
                if (isName[i] >= 0.95 || !(facts[i].DutchWord || facts[i].EnglishWord))
                {
                    knownByContext.Add(facts[i].Normalized);
                }
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            var dictionaryWord = facts[i].DutchWord || facts[i].EnglishWord;
            if (isName[i] < 0.6 && !facts[i].NotNameExact
                && (words[i].IsLower && dictionaryWord ? knownByContext : known).Contains(facts[i].Normalized))
            {
                isName[i] = 0.8;
                reasons[i] = PersonReason.MentionedBefore;
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

    private static void JoinFullNames(string text, List<Word> words, WordFacts[] facts, double[] isName, PersonReason[] reasons, List<Finding> findings, bool[] guarded)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (isName[i] < 0.6 && !IsInitial(text, words, facts, i))
            {
                continue;
            }

            var start = words[i].Start;
            var confidence = isName[i];
            var reason = reasons[i];
            var last = i;
            var j = i + 1;
            while (j < words.Count && IsShortGap(Gap(text, words, j - 1)))
            {
                var gap = Gap(text, words, j - 1);
                if (isName[j] >= 0.6 && (gap is " " || (gap is ". " or "." && IsInitial(text, words, facts, j - 1))))
                {
                    last = j;
                    if (isName[j] > confidence)
                    {
                        confidence = isName[j];
                        reason = reasons[j];
                    }

                    j++;
                    continue;
                }

                // Tussenvoegsels between name parts: "de", "van der", "van 't", "El", "Ait".
                var k = j;
                while (k < words.Count && k - j < 3 && (facts[k].Is(WordKind.Particle) || facts[k].Is(WordKind.CapitalParticle)) && Gap(text, words, k - 1).Trim('.').Trim().IsEmpty)
                {
                    k++;
                }

                if (k > j && k < words.Count && Gap(text, words, k - 1) is " " && (words[k].IsCapitalized || words[k].IsAllCaps || isName[k] >= 0.6 || Lexicon.Surnames.Contains(words[k].Text) || (words[k].IsLower && facts[i].Is(WordKind.Particle) && IsAfterTitle(text, words, facts, i))) && !Lexicon.NotNames.Contains(words[k].Text))
                {
                    last = k;
                    isName[k] = Math.Max(isName[k], 0.8);
                    j = k + 1;
                    continue;
                }

                if (IsInitial(text, words, facts, j - 1) && (words[j].IsCapitalized || words[j].IsAllCaps) && gap.Length > 0 && gap[0] == '.')
                {
                    last = j;
                    j++;
                    continue;
                }

                break;
            }

            // Only initials, no name after them: not a person.
            if (last == i && IsInitial(text, words, facts, i) && isName[i] < 0.6)
            {
                continue;
            }

            var end = words[last].End;
            var rule = guarded.AsSpan(i, last - i + 1).Contains(true) ? "guarded-name" : "person";
            findings.Add(new Finding(start, end, Category.Person, rule, Math.Round(confidence, 2))
            {
                ReasonCode = "person." + PersonReasons.Code(reason == PersonReason.None ? PersonReason.FullName : reason),
            });
            i = last;
        }
    }

    /// <summary>
    /// Compounds like "ADHD-onderzoek" or "Wmo-aanvraag" are nouns; a hyphenated name has a capital in every part
    /// ("Ramdin-Jagessar", "Al-Hassan") and no part that is a place, language or other known non-name.
    /// </summary>
    private static bool IsNameShaped(string word)
    {
        // Allocation-free: the parts are walked as spans (this runs for every capitalised word of a scan).
        var rest = word.AsSpan();
        var single = rest.IndexOfAny(PartSeparators) < 0;
        while (true)
        {
            var cut = rest.IndexOfAny(PartSeparators);
            var part = cut < 0 ? rest : rest[..cut];
            if (part.Length == 0 || !char.IsUpper(part[0]) || AllUpper(part[1..]))
            {
                return false;
            }

            if (!single && !CapitalParticleLookup.Contains(part) && Lexicon.NotNames.Contains(part))
            {
                return false;
            }

            if (cut < 0)
            {
                return true;
            }

            rest = rest[(cut + 1)..];
        }
    }

    private static readonly System.Buffers.SearchValues<char> PartSeparators = System.Buffers.SearchValues.Create("-'’");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalParticleLookup = CapitalParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for an empty span too, as <c>All</c> was.</summary>
    private static bool AllUpper(ReadOnlySpan<char> letters)
    {
        foreach (var c in letters)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAfterTitle(string text, List<Word> words, WordFacts[] facts, int i) =>
        i > 0 && facts[i - 1].Is(WordKind.Title) && IsShortGap(Gap(text, words, i - 1));

    private static bool IsInitial(string text, List<Word> words, WordFacts[] facts, int i) =>
        words[i].Text.Length == 1 && (words[i].Start < 2 || !char.IsDigit(text[words[i].Start - 2])) && char.IsUpper(words[i].Text[0]) && words[i].End < text.Length && text[words[i].End] == '.'
        && i + 1 < words.Count && (words[i + 1].IsCapitalized || words[i + 1].IsAllCaps || facts[i + 1].Is(WordKind.Particle) || words[i + 1].Text.Length == 1);

    private static bool IsShortGap(ReadOnlySpan<char> gap) => gap.Length <= 3 && !gap.Contains('\n');

    /// <summary>The characters between word <paramref name="left"/> and the next one, without a substring.</summary>
    private static ReadOnlySpan<char> Gap(string text, List<Word> words, int left) =>
        text.AsSpan(words[left].End, words[left + 1].Start - words[left].End);

    /// <summary>
    /// What the lexicons say of one word, looked up once per scan (shared by its repeats). The large dictionaries are
    /// consulted only when a rule asks, and then once.
    /// </summary>
    internal sealed class WordFacts(string bare, string normalized, string normalizedWord, bool firstName, bool surname, bool ambiguous, bool notName, bool notNameExact, WordKind kinds)
    {
        private bool? _dutch;
        private bool? _english;

        public string Bare => bare;

        public string Normalized => normalized;

        public bool FirstName => firstName;

        public bool Surname => surname;

        public bool Ambiguous => ambiguous;

        public bool NotName => notName;

        public bool NotNameExact => notNameExact;

        /// <summary>True if the word is one of the given kinds: the small context lists are looked up once per distinct word.</summary>
        public bool Is(WordKind kind) => (kinds & kind) != 0;

        public bool DutchWord => _dutch ??= DutchWords.IsWord(normalizedWord);

        public bool EnglishWord => _english ??= WordSet.English.ContainsNormalized(normalizedWord);

        /// <summary>
        /// In a public word list as it is written (not only as a compound): such facts may be kept across scans. Fills
        /// both dictionary answers, so a shared instance is never written again.
        /// </summary>
        public bool IsListedWord()
        {
            var listed = WordSet.Dutch.ContainsNormalized(normalizedWord) || WordSet.English.ContainsNormalized(normalizedWord);
            if (listed)
            {
                _ = DutchWord;
                _ = EnglishWord;
            }

            return listed;
        }

        public static WordFacts Of(string word)
        {
            var normalizedWord = Lexicon.Normalize(word);
            var bare = word;
            var normalized = normalizedWord;
            if (word.Length > 3 && word.EndsWith('s'))
            {
                var stem = normalizedWord[..^1];
                if ((Lexicon.FirstNames.ContainsNormalized(stem) || Lexicon.Surnames.ContainsNormalized(stem)) && !DutchWords.IsWord(normalizedWord))
                {
                    bare = word[..^1];
                    normalized = stem;
                }
            }

            var notNameExact = Lexicon.NotNames.ContainsNormalized(normalizedWord);
            return new WordFacts(
                bare,
                normalized,
                normalizedWord,
                Lexicon.FirstNames.ContainsNormalized(normalized),
                Lexicon.Surnames.ContainsNormalized(normalized),
                Lexicon.AmbiguousNames.ContainsNormalized(normalized),
                notNameExact || Lexicon.NotNames.ContainsNormalized(normalized),
                notNameExact,
                KindsOf(word, normalized));
        }

        private static WordKind KindsOf(string word, string normalized)
        {
            var kinds = WordKind.None;
            kinds |= Titles.Contains(word) ? WordKind.Title : 0;
            kinds |= NameIntroducers.Contains(word) ? WordKind.Introducer : 0;
            kinds |= Roles.Contains(word) ? WordKind.Role : 0;
            kinds |= Labels.Contains(word) ? WordKind.Label : 0;
            kinds |= Greetings.Contains(word) ? WordKind.Greeting : 0;
            kinds |= SpeechVerbs.Contains(word) ? WordKind.SpeechVerb : 0;
            kinds |= Particles.Contains(word) ? WordKind.Particle : 0;
            kinds |= CapitalParticles.Contains(word) ? WordKind.CapitalParticle : 0;
            kinds |= Shorthand.Contains(normalized) ? WordKind.Shorthand : 0;
            return kinds;
        }
    }
}

/// <summary>The context lists of <see cref="PersonRule"/> a word belongs to.</summary>
[Flags]
internal enum WordKind
{
    None = 0,
    Title = 1,
    Introducer = 2,
    Role = 4,
    Label = 8,
    Greeting = 16,
    SpeechVerb = 32,
    Particle = 64,
    CapitalParticle = 128,
    Shorthand = 256,
}

/// <summary>
/// The facts of ordinary words, kept across scans: a live meeting re-scans its text after every edit, and most of a
/// text is the same few thousand Dutch words. Only words of the public word lists are kept, never a name or an unknown
/// word, so no case's names stay in this cache. Bounded: emptied when full.
/// </summary>
internal static class Vocabulary
{
    private const int Limit = 30_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PersonRule.WordFacts> Known = new(StringComparer.Ordinal);

    private static int _count;

    /// <summary>For tests: whether the facts of <paramref name="word"/> are kept.</summary>
    public static bool Holds(string word) => Known.ContainsKey(word);

    public static PersonRule.WordFacts FactsOf(string word)
    {
        if (Known.TryGetValue(word, out var known))
        {
            return known;
        }

        var facts = PersonRule.WordFacts.Of(word);
        if (facts.IsListedWord() && !facts.FirstName && !facts.Surname)
        {
            if (Interlocked.Increment(ref _count) > Limit)
            {
                Known.Clear();
                Interlocked.Exchange(ref _count, 0);
            }

            Known.TryAdd(word, facts);
        }

        return facts;
    }
}
