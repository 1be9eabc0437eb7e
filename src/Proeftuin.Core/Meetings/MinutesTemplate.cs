using System.Globalization;
using System.Text;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Core.Meetings;

/// <summary>What goes into a verslag; names of people never do, only disciplines and counts.</summary>
public sealed record MinutesContent(
    string MeetingTitle,
    string NeighbourhoodName,
    DateTime StartedLocal,
    IReadOnlyList<Discipline> AttendeeDisciplines,
    IReadOnlyList<MinutesCase> Cases);

/// <summary>One case of the agenda: its code and title, its text (for the casusvraag and conclusions), its recommendations.</summary>
public sealed record MinutesCase(string Code, string Title, string Text, IReadOnlyList<Recommendation> Recommendations);

/// <summary>The verslag in Markdown, in Dutch, in the order the professionals read it.</summary>
public static class MinutesTemplate
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Render(MinutesContent content)
    {
        var text = new StringBuilder();
        text.Append("# Verslag: ").Append(content.MeetingTitle).Append("\n\n");
        text.Append("Wijk: ").Append(content.NeighbourhoodName).Append(". Datum: ")
            .Append(content.StartedLocal.ToString("dddd d MMMM yyyy, HH:mm", Dutch)).Append(".\n\n");

        text.Append("## Aanwezig\n\n");
        if (content.AttendeeDisciplines.Count == 0)
        {
            text.Append("Niemand geregistreerd.\n\n");
        }
        else
        {
            foreach (var group in content.AttendeeDisciplines.GroupBy(d => d).OrderBy(g => g.Key))
            {
                text.Append("- ").Append(DisciplineNames.Dutch(group.Key)).Append(": ").Append(group.Count()).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("## Besproken casussen\n\n");
        foreach (var item in content.Cases)
        {
            text.Append("### ").Append(item.Code).Append(" — ").Append(item.Title).Append("\n\n");
            text.Append("**Casusvraag:** ").Append(Section(item.Text, "Casusvraag voor de bespreking")).Append("\n\n");
            text.Append("**Conclusies:** ").Append(Section(item.Text, "Conclusies")).Append("\n\n");
            // The recommendations themselves, with owner and due date, follow under "Aanbevelingen per casus": read from
            // the records whenever the verslag is read (MinutesAppendix), so they are never out of date here.
            text.Append("**Aanbevelingen:** ").Append(item.Recommendations.Count)
                .Append(", zie *Aanbevelingen per casus* onderaan.\n");
            text.Append('\n');
        }

        text.Append("## Afspraken en vervolg\n\n- \n");
        return text.ToString();
    }

    /// <summary>The text under a "## " heading up to the next one, on one line; "—" when the section is empty.</summary>
    public static string Section(string markdown, string heading)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart('#', ' ').Trim().Equals(heading, StringComparison.OrdinalIgnoreCase) && l.StartsWith("##", StringComparison.Ordinal));
        if (start < 0)
        {
            return "—";
        }

        var body = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('>'));
        var joined = string.Join(' ', body);
        return joined.Length == 0 ? "—" : joined;
    }
}
