namespace Proeftuin.Web.Features.Agreements;

/// <summary>Marker type for the wijkafspraken texts in Resources/Features.Agreements.AgreementText*.resx.</summary>
public sealed class AgreementText;
