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
        : this(id, name, null, caseCodePrefix)
    {
    }

    /// <summary>A wijk with its own slug; without one the slug follows from the name (<see cref="SlugFor"/>).</summary>
    public Neighbourhood(Guid id, string name, string? slug, string caseCodePrefix)
    {
        Id = id;
        Name = string.Empty;
        Slug = string.Empty;
        Rename(name, slug);
        CaseCodePrefix = ValidPrefix(caseCodePrefix);
    }

    /// <summary>A new name and slug (the slug follows the name when none is given). Old links to the wijk's pages stop working.</summary>
    public void Rename(string name, string? slug)
    {
        var newName = Guard.Required(name, "neighbourhood.name", "Geef de naam van de wijk op", MaxNameLength);
        var newSlug = string.IsNullOrWhiteSpace(slug) ? SlugFor(newName) : slug.Trim();
        if (newSlug.Length > MaxNameLength || !SlugPattern().IsMatch(newSlug))
        {
            throw new DomainException("neighbourhood.slug", "Het webadres van een wijk bestaat uit kleine letters, cijfers en losse streepjes, bijvoorbeeld leidsche-rijn.");
        }

        Name = newName;
        Slug = newSlug;
    }

    /// <summary>
    /// A new case-code prefix for the cases created from now on. The caller refuses it once the wijk has cases: their
    /// codes keep the old prefix, and a wijk whose codes carry two prefixes would confuse whoever looks one up.
    /// </summary>
    public void ChangeCaseCodePrefix(string caseCodePrefix) => CaseCodePrefix = ValidPrefix(caseCodePrefix);

    private static string ValidPrefix(string caseCodePrefix)
    {
        var prefix = (caseCodePrefix ?? string.Empty).Trim().ToUpperInvariant();
        return PrefixPattern().IsMatch(prefix)
            ? prefix
            : throw new DomainException("neighbourhood.prefix", "De casuscode-afkorting van een wijk bestaat uit 2 tot 4 hoofdletters, bijvoorbeeld OND.");
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

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugCharacters();
}
