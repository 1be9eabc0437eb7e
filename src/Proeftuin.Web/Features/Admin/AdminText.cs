namespace Proeftuin.Web.Features.Admin;

/// <summary>Marker type for the beheerder's administration texts in Resources/Features.Admin.AdminText*.resx.</summary>
public sealed class AdminText;
