using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Proeftuin.Core.Audit;
using Proeftuin.Data.Audit;

namespace Proeftuin.Web.Infrastructure.Audit;

/// <summary>
/// Records an access in the audit log with who (from the signed-in user), where (client address) and the request's
/// correlation id. Features call this for every read, change, export, search and sign-in event.
/// </summary>
public sealed class AuditLog(AuditWriter writer, IHttpContextAccessor http)
{
    private HubCallerContext? _connection;

    /// <summary>In a hub call: who and where come from the connection (set by <see cref="AuditHubFilter"/>).</summary>
    public void UseConnection(HubCallerContext connection) => _connection = connection;

    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        writer.AppendAsync(Entry(auditEvent), cancellationToken);

    /// <summary>Several entries at once, in one transaction: e.g. one per case a join disclosed.</summary>
    public Task RecordAllAsync(IEnumerable<AuditEvent> auditEvents, CancellationToken cancellationToken = default) =>
        writer.AppendAllAsync([.. auditEvents.Select(Entry)], cancellationToken);

    /// <summary>The entry for <paramref name="auditEvent"/> with who and where filled in now, to be written later (<see cref="AuditQueue"/>).</summary>
    public AuditEntry Entry(AuditEvent auditEvent)
    {
        var context = _connection?.GetHttpContext() ?? http.HttpContext;
        var user = _connection?.User ?? context?.User;
        return new AuditEntry
        {
            UserId = auditEvent.UserId ?? (Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? user?.FindFirstValue("sub"), out var id) ? id : null),
            UserName = auditEvent.UserName ?? user?.FindFirstValue(ProeftuinClaims.DisplayName) ?? user?.Identity?.Name,
            Discipline = user?.FindFirstValue(ProeftuinClaims.Discipline),
            Role = auditEvent.Role,
            Action = auditEvent.Action,
            ObjectType = auditEvent.ObjectType,
            ObjectId = auditEvent.ObjectId,
            NeighbourhoodId = auditEvent.NeighbourhoodId,
            ClientAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Outcome = auditEvent.Outcome,
            CorrelationId = context?.TraceIdentifier,
        };
    }
}

/// <summary>What happened, for <see cref="AuditLog.RecordAsync"/>. UserId/UserName only when no one is signed in yet.</summary>
public sealed record AuditEvent(
    string Action,
    string Outcome,
    string? ObjectType = null,
    string? ObjectId = null,
    Guid? NeighbourhoodId = null,
    string? Role = null,
    Guid? UserId = null,
    string? UserName = null);
