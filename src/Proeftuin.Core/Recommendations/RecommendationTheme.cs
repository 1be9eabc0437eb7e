using Proeftuin.Core.Common;

namespace Proeftuin.Core.Recommendations;

/// <summary>
/// A theme a coordinator sees across wijken: recommendations grouped under a title, with a synthesis (Markdown) of
/// what they say together. It refers to recommendations by id only, so it never copies case text.
/// </summary>
public sealed class RecommendationTheme
{
    public const int MaxTitleLength = 200;
    public const int MaxSynthesisLength = 4000;

    private List<Guid> _recommendationIds = [];

    private RecommendationTheme()
    {
        Title = string.Empty;
        Synthesis = string.Empty;
    }

    public RecommendationTheme(Guid id, string title, string? synthesis, IEnumerable<Guid> recommendationIds, Guid createdById, DateTime nowUtc)
    {
        Id = id;
        CreatedById = createdById;
        CreatedAtUtc = Guard.Utc(nowUtc);
        UpdatedAtUtc = CreatedAtUtc;
        Title = string.Empty;
        Synthesis = string.Empty;
        Describe(title, synthesis, nowUtc);
        Regroup(recommendationIds, nowUtc);
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    /// <summary>Markdown; may stay empty while the coordinator is still reading.</summary>
    public string Synthesis { get; private set; }

    public IReadOnlyList<Guid> RecommendationIds => _recommendationIds;

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public void Describe(string title, string? synthesis, DateTime nowUtc)
    {
        Title = Guard.Required(title, "theme.title", "Geef het thema een titel", MaxTitleLength);
        Synthesis = Guard.Optional(synthesis, "theme.synthesis", "De synthese is te lang", MaxSynthesisLength) ?? string.Empty;
        UpdatedAtUtc = Guard.Utc(nowUtc);
    }

    /// <summary>Which recommendations belong to the theme; a theme without any has nothing to synthesise.</summary>
    public void Regroup(IEnumerable<Guid> recommendationIds, DateTime nowUtc)
    {
        var ids = recommendationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException("theme.recommendations", "Kies minstens één aanbeveling voor het thema.");
        }

        _recommendationIds = ids;
        UpdatedAtUtc = Guard.Utc(nowUtc);
    }
}
