namespace Proeftuin.Core.Professionals;

/// <summary>A professional's membership of one wijk.</summary>
public sealed class Membership
{
    private Membership()
    {
    }

    internal Membership(Guid professionalId, Guid neighbourhoodId, MembershipRole role)
    {
        ProfessionalId = professionalId;
        NeighbourhoodId = neighbourhoodId;
        Role = role;
    }

    public Guid ProfessionalId { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    public MembershipRole Role { get; internal set; }

    public bool IsChair => Role == MembershipRole.Chair;
}
