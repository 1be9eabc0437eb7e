namespace Proeftuin.Web.Features.Recommendations;

public static class RecommendationsSetup
{
    /// <summary>The feature's services: the room's use cases, the follow-up after the meeting, and the queries the coordinator, the verslag and the case exports share.</summary>
    public static IServiceCollection AddRecommendations(this IServiceCollection services) =>
        services.AddScoped<LiveRecommendations>().AddScoped<RecommendationCompilation>().AddScoped<RecommendationFollowUp>();
}
