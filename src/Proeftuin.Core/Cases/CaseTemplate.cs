namespace Proeftuin.Core.Cases;

/// <summary>
/// The case template of the Utrecht model: facts, interpretations and questions kept apart, and the three leading
/// principles (possibilities of youth and family, other problems in the family system, their coherence with the
/// complaints) each with a section of their own.
/// </summary>
public static class CaseTemplate
{
    public static IReadOnlyList<string> SectionHeadings { get; } =
    [
        "Aanmelding en hulpvraag",
        "Casusvraag voor de bespreking",
        "Feiten",
        "Mogelijkheden van jeugdige en gezin",
        "Andere problemen in het gezinssysteem",
        "Samenhang met de psychische klachten",
        "Perspectieven per discipline",
        "Conclusies",
    ];

    private static readonly Dictionary<string, string> Prompts = new(StringComparer.Ordinal)
    {
        ["Aanmelding en hulpvraag"] = "Wie meldde aan, met welke vraag van jeugdige en ouders?",
        ["Casusvraag voor de bespreking"] = "Welke vraag leg je aan de collega's voor?",
        ["Feiten"] = "Klachten, gezinssituatie, school, wat is al gedaan. Alleen feiten, geen interpretaties.",
        ["Mogelijkheden van jeugdige en gezin"] = "Wat gaat goed, wat kunnen zij zelf, wie helpt mee?",
        ["Andere problemen in het gezinssysteem"] = "Spelen er problemen bij ouders, broers of zussen, financiën, huisvesting?",
        ["Samenhang met de psychische klachten"] = "Hoe hangen die problemen samen met de klachten van de jeugdige?",
        ["Perspectieven per discipline"] = "Wat ziet de huisarts, de POH-GGZ, de jeugdarts, de gezinswerker?",
        ["Conclusies"] = "Wat spreken we af, wie doet wat?",
    };

    /// <summary>The Markdown a new case starts with.</summary>
    public static string NewCaseMarkdown(string title)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append("# ").Append(title.Trim()).Append("\n\n");
        foreach (var heading in SectionHeadings)
        {
            builder.Append("## ").Append(heading).Append("\n\n");
            builder.Append("_").Append(Prompts[heading]).Append("_\n\n");
        }

        return builder.ToString();
    }
}
