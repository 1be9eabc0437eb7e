using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;

using Proeftuin.Web.Features.Recommendations;
using Proeftuin.Web.Features.Recommendations.Exports;

namespace Proeftuin.Web.Features.Coordination;

/// <summary>
/// The coordinator workspace is for the coordinator role only. The fallback policy already demands a two-factor
/// sign-in; this is the role check, and every refusal lands in the audit log like a refused wijk page.
/// </summary>
public sealed class CoordinatorGate(IHttpContextAccessor http, AuditLog audit)
{
    public const string Role = GlobalRoles.Coordinator;

    public async Task<bool> AllowsAsync(string action, string objectType, string? objectId, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.User.IsInRole(GlobalRoles.Coordinator) == true)
        {
            return true;
        }

        await audit.RecordAsync(new AuditEvent(action, "denied", objectType, objectId), cancellationToken);
        return false;
    }
}
