using System.Text.RegularExpressions;
using Proeftuin.Core.Common;

namespace Proeftuin.Core.Neighbourhoods;

/// <summary>A wijk: the scope of membership, cases and meetings.</summary>
public sealed partial class Neighbourhood
{
    public const int MaxNameLength = 80;

    private Neighbourhood()
    {
        Name = string.Empty;
        Slug = string.Empty;
        CaseCodePrefix = string.Empty;
    }

    public Neighbourhood(Guid id, string name, string caseCodePrefix)
    {
        Id = id;
        Name = Guard.Required(name, "neighbourhood.name", "Geef de naam van de wijk op", MaxNameLength);
        Slug = SlugFor(Name);
        var prefix = caseCodePrefix.Trim().ToUpperInvariant();
        if (!PrefixPattern().IsMatch(prefix))
        {
            throw new DomainException("neighbourhood.prefix", "De casuscode-afkorting van een wijk bestaat uit 2 tot 4 hoofdletters, bijvoorbeeld OND.");
        }

        CaseCodePrefix = prefix;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>URL-friendly name, e.g. <c>leidsche-rijn</c>.</summary>
    public string Slug { get; private set; }

    /// <summary>The first part of every case code in this wijk, e.g. <c>OND</c> in <c>OND-2026-007</c>.</summary>
    public string CaseCodePrefix { get; private set; }

    public static string SlugFor(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return NonSlugCharacters().Replace(lower, "-").Trim('-');
    }

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugCharacters();
}
