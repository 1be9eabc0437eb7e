using Microsoft.AspNetCore.Authorization;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// The administration services check the caller themselves, with the same policy as the pages
/// (<see cref="IdentitySetup.AdministratorWithTwoFactor"/>: the beheerder role and a two-factor sign-in), so no other
/// caller — a page added later, an endpoint, a job — can change wijken, memberships or accounts by mistake. A refusal is
/// audit-logged as "denied" with the object it was about.
/// </summary>
public sealed class AdminGate(IHttpContextAccessor http, IAuthorizationService authorization, AuditLog audit)
{
    public const string Role = Proeftuin.Data.Identity.GlobalRoles.Administrator;

    public async Task<bool> AllowsAsync(string action, string objectType, string? objectId, Guid? neighbourhoodId, CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        if (user is not null && (await authorization.AuthorizeAsync(user, IdentitySetup.AdministratorWithTwoFactor)).Succeeded)
        {
            return true;
        }

        await audit.RecordAsync(new AuditEvent(action, "denied", objectType, objectId, neighbourhoodId), cancellationToken);
        return false;
    }

    /// <summary>The signed-in beheerder's own account id.</summary>
    public Guid? CallerId =>
        Guid.TryParse(http.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
}
