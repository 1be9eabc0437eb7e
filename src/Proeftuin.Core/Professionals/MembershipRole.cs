namespace Proeftuin.Core.Professionals;

/// <summary>What someone may do in one wijk.</summary>
public enum MembershipRole
{
    /// <summary>Reads and edits the wijk's cases, joins its meetings.</summary>
    Member = 1,

    /// <summary>A member who also plans and leads the wijk's meetings (voorzitter).</summary>
    Chair = 2,
}
