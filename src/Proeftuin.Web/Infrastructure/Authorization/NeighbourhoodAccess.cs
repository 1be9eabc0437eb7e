using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Authorization;

/// <summary>
/// What the signed-in user may do in a wijk, read from the memberships once per request. A coordinator or beheerder
/// role gives no access to case text: only membership of the wijk does.
/// </summary>
public sealed class NeighbourhoodAccess(IHttpContextAccessor http, ProeftuinDbContext db)
{
    private Dictionary<Guid, MembershipRole>? _memberships;
    private ClaimsPrincipal? _user;

    private ClaimsPrincipal User => _user ?? http.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>In a hub the caller is the connection's user, not the current HTTP request's.</summary>
    public void UseUser(ClaimsPrincipal? user)
    {
        if (user is not null && !ReferenceEquals(user, _user))
        {
            _user = user;
            _memberships = null;
        }
    }

    public Guid UserId => UserIdOf(User);

    public Guid UserIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? user?.FindFirstValue("sub"), out var id) ? id : Guid.Empty;

    public bool IsCoordinator => User.IsInRole(GlobalRoles.Coordinator);

    public bool IsAdministrator => User.IsInRole(GlobalRoles.Administrator);

    public async Task<MembershipRole?> RoleInAsync(Guid neighbourhoodId, CancellationToken cancellationToken)
    {
        _memberships ??= await db.Memberships.AsNoTracking()
            .Where(m => m.ProfessionalId == UserId)
            .ToDictionaryAsync(m => m.NeighbourhoodId, m => m.Role, cancellationToken);
        return _memberships.TryGetValue(neighbourhoodId, out var role) ? role : null;
    }

    public async Task<bool> IsMemberAsync(Guid neighbourhoodId, CancellationToken cancellationToken) =>
        await RoleInAsync(neighbourhoodId, cancellationToken) is not null;

    public async Task<bool> IsMemberOfAnyAsync(CancellationToken cancellationToken)
    {
        await RoleInAsync(Guid.Empty, cancellationToken);
        return _memberships!.Count > 0;
    }
}
