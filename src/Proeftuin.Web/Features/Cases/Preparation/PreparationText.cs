namespace Proeftuin.Web.Features.Cases.Preparation;

/// <summary>Marker type for the case page's preparation texts in Resources/Features.Cases.Preparation.PreparationText*.resx.</summary>
public sealed class PreparationText;
