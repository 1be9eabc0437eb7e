namespace Proeftuin.Web.Features.Recommendations;

/// <summary>Marker type for the follow-up texts ("Mijn acties", the detail page) in Resources/Features.Recommendations.FollowUpText*.resx.</summary>
public sealed class FollowUpText;
