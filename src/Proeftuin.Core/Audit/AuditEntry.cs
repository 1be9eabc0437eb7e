namespace Proeftuin.Core.Audit;

/// <summary>
/// One line of the NEN 7513 audit log: who did what to which object, when, from where, with what outcome. Entries are
/// only ever appended; each holds the hash of the one before it, so editing or deleting one breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTime TimestampUtc { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public string? Discipline { get; set; }

    /// <summary>The role the user acted in: Member, Chair, Coordinator, Beheerder.</summary>
    public string? Role { get; set; }

    /// <summary>create, read, update, delete, export, search, login, login-failed, logout, dismiss-finding, audit-read …</summary>
    public string Action { get; set; } = string.Empty;

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    public Guid? NeighbourhoodId { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>success, denied, failed.</summary>
    public string Outcome { get; set; } = string.Empty;

    public string? CorrelationId { get; set; }

    /// <summary>
    /// How <see cref="Hash"/> was made: <see cref="AuditChain.Sha256"/> (entries written before the key existed) or
    /// <see cref="AuditChain.HmacSha256"/> (with the key kept outside the database).
    /// </summary>
    public int ChainVersion { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
