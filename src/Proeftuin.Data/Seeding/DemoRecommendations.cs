using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Data.Seeding;

/// <summary>Recommendations of each wijk's past meeting: together they cover all four pillars and three levels.</summary>
internal static class DemoRecommendations
{
    public static IReadOnlyList<DemoRecommendation> ForPastMeeting { get; } =
    [
        new("Vraag de jeugdige en ouders aan het begin van elk traject wat voor hen een goede uitkomst is, en leg dat vast in de casus.",
            VisionPillar.ClientCentred, RecommendationLevel.Case, [Discipline.MentalHealthPracticeNurse, Discipline.FamilyWorker], RecommendationStatus.Agreed, 14),
        new("Spreek per casus één regiehouder af en laat school weten wie dat is.",
            VisionPillar.ProfessionalCoordination | VisionPillar.ClientCentred, RecommendationLevel.Neighbourhood, [Discipline.FamilyWorker, Discipline.YouthHealthDoctor], RecommendationStatus.InProgress, 30),
        new("Verwijs pas naar specialistische zorg na een gezamenlijke afweging in de wijk, tenzij er acute risico's zijn.",
            VisionPillar.AppropriateCare, RecommendationLevel.Neighbourhood, [Discipline.GeneralPractitioner], RecommendationStatus.Done, -7),
        new("Zorg voor vaste tijd voor de casuïstiekbespreking in de roosters van de praktijken en buurtteams, en vergoeding van die tijd.",
            VisionPillar.Preconditions, RecommendationLevel.City, [], RecommendationStatus.Proposed, 60),
        new("Organiseer een tolk standaard bij gesprekken met ouders die beperkt Nederlands spreken.",
            VisionPillar.Preconditions | VisionPillar.AppropriateCare, RecommendationLevel.City, [Discipline.FamilyWorker], RecommendationStatus.Agreed, -3),
    ];
}

internal sealed record DemoRecommendation(
    string Text,
    VisionPillar Pillars,
    RecommendationLevel Level,
    IReadOnlyList<Discipline> AddressedTo,
    RecommendationStatus Status,
    int DueInDays);
