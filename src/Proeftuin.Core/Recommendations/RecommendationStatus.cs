namespace Proeftuin.Core.Recommendations;

public enum RecommendationStatus
{
    /// <summary>Voorgesteld.</summary>
    Proposed = 1,

    /// <summary>Afgesproken.</summary>
    Agreed = 2,

    /// <summary>In uitvoering.</summary>
    InProgress = 3,

    /// <summary>Afgerond.</summary>
    Done = 4,

    /// <summary>Vervallen.</summary>
    Dropped = 5,
}
