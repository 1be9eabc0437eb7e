namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// What an administration change came to: done, refused because the caller is no beheerder, or refused for a reason
/// the form shows next to <see cref="Field"/> (a key of <see cref="AdminText"/>, so Dutch or English). A refusal changes nothing.
/// </summary>
public sealed record AdminOutcome(bool Done, bool Denied, string? Field, string? ErrorKey)
{
    public static AdminOutcome Success { get; } = new(true, false, null, null);

    public static AdminOutcome Forbidden { get; } = new(false, true, null, null);

    public static AdminOutcome Refused(string field, string errorKey) => new(false, false, field, errorKey);
}
