namespace Proeftuin.Web.Features.SocialMap;

/// <summary>Marker type for the sociale-kaart texts in Resources/Features.SocialMap.SocialMapText*.resx.</summary>
public sealed class SocialMapText;
