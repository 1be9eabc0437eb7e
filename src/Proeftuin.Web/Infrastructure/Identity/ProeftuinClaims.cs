namespace Proeftuin.Web.Infrastructure;

/// <summary>Claims Proeftuin adds to the signed-in user, read by the audit log and the pages.</summary>
public static class ProeftuinClaims
{
    public const string DisplayName = "proeftuin:name";
    public const string Discipline = "proeftuin:discipline";
}
