namespace Proeftuin.Data.Identity;

/// <summary>Roles that span all wijken. Per-wijk roles (member, chair) live in memberships.</summary>
public static class GlobalRoles
{
    /// <summary>Beheerder: manages accounts, invitations, wijken and memberships; reads no case text by this role.</summary>
    public const string Administrator = "Beheerder";

    /// <summary>Coördinator: reads recommendations, agreements and reports of all wijken.</summary>
    public const string Coordinator = "Coordinator";

    public static IReadOnlyList<string> All { get; } = [Administrator, Coordinator];
}
