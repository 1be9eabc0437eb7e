using Proeftuin.Core.Common;

namespace Proeftuin.Core.SocialMap;

/// <summary>
/// One professional on the sociale kaart of a wijk: where they work, how colleagues reach them, when they are
/// available. Kept by the professional themselves; about professionals only, never about a client.
/// </summary>
public sealed class SocialMapEntry
{
    public const int MaxPracticeLength = 160;
    public const int MaxReachLength = 300;
    public const int MaxAvailabilityLength = 300;

    private SocialMapEntry()
    {
        Practice = string.Empty;
        Reach = string.Empty;
    }

    public SocialMapEntry(Guid id, Guid neighbourhoodId, Guid professionalId, string practice, string reach, string? availability, DateTime nowUtc)
    {
        Id = id;
        NeighbourhoodId = neighbourhoodId;
        ProfessionalId = professionalId;
        Practice = string.Empty;
        Reach = string.Empty;
        Update(practice, reach, availability, nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    public Guid ProfessionalId { get; private set; }

    /// <summary>Practice, team or organisation, e.g. "Buurtteam Jeugd en Gezin Noordwest".</summary>
    public string Practice { get; private set; }

    /// <summary>How colleagues reach them: a work number, a secure mail address, a chat channel.</summary>
    public string Reach { get; private set; }

    public string? Availability { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public void Update(string practice, string reach, string? availability, DateTime nowUtc)
    {
        Practice = Guard.Required(practice, "socialmap.practice", "Vul je praktijk, team of organisatie in", MaxPracticeLength);
        Reach = Guard.Required(reach, "socialmap.reach", "Vul in hoe collega's je bereiken", MaxReachLength);
        Availability = Guard.Optional(availability, "socialmap.availability", "De beschikbaarheid is te lang", MaxAvailabilityLength);
        UpdatedAtUtc = Guard.Utc(nowUtc);
    }
}
