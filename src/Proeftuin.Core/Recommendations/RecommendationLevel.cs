namespace Proeftuin.Core.Recommendations;

/// <summary>At which level a recommendation should be taken up.</summary>
public enum RecommendationLevel
{
    /// <summary>Casus: this child and family.</summary>
    Case = 1,

    /// <summary>Wijk: the professionals of the neighbourhood.</summary>
    Neighbourhood = 2,

    /// <summary>Stedelijk: the city (gemeente, Lokalis, financiers).</summary>
    City = 3,
}
