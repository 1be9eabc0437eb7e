namespace Proeftuin.Core.Recommendations;

public static class RecommendationStatusNames
{
    public static string Dutch(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Proposed => "voorgesteld",
        RecommendationStatus.Agreed => "afgesproken",
        RecommendationStatus.InProgress => "in uitvoering",
        RecommendationStatus.Done => "afgerond",
        RecommendationStatus.Dropped => "vervallen",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Dutch(RecommendationLevel level) => level switch
    {
        RecommendationLevel.Case => "Casus",
        RecommendationLevel.Neighbourhood => "Wijk",
        RecommendationLevel.City => "Stedelijk",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
