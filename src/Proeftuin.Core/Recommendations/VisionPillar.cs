namespace Proeftuin.Core.Recommendations;

/// <summary>
/// The four pillars (noemers) of the shared vision. A flags enum because a recommendation is tagged with one or more.
/// </summary>
[Flags]
public enum VisionPillar
{
    None = 0,

    /// <summary>Klant centraal.</summary>
    ClientCentred = 1,

    /// <summary>Passende zorg.</summary>
    AppropriateCare = 2,

    /// <summary>Professionele afstemming.</summary>
    ProfessionalCoordination = 4,

    /// <summary>Randvoorwaarden.</summary>
    Preconditions = 8,
}
