namespace Proeftuin.Web.Infrastructure.Localization;

/// <summary>Marker type for the UI texts in Resources/Infrastructure.Localization.SharedResource*.resx.</summary>
public sealed class SharedResource;
