using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Sessions;

namespace Proeftuin.Web.Features.Neighbourhoods;

/// <summary>
/// Takes a professional out of a wijk (the beheerder's page for it calls this): the membership goes, the removal is
/// audit-logged, and the professional's open hub connections in a meeting of that wijk close at once on this node (on
/// other nodes at their next check, <see cref="LiveConnections"/>), so the room's edits stop reaching them.
/// </summary>
public sealed class MembershipRemoval(ProeftuinDbContext db, LiveConnections live, AuditLog audit, Infrastructure.Authorization.MembershipChanges changes)
{
    /// <returns>False when the professional was not a member of the wijk (nothing changed).</returns>
    public async Task<bool> RemoveAsync(Guid neighbourhoodId, Guid professionalId, CancellationToken cancellationToken)
    {
        var professional = await db.Professionals.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == professionalId, cancellationToken);
        if (professional is null || !professional.IsMemberOf(neighbourhoodId))
        {
            return false;
        }

        professional.LeaveNeighbourhood(neighbourhoodId);
        await db.SaveChangesAsync(cancellationToken);
        changes.Changed();
        await audit.RecordAsync(new AuditEvent("remove-membership", "success", "Membership", professionalId.ToString(), neighbourhoodId, GlobalRoles.Administrator), cancellationToken);
        await live.EndMembershipAsync(professionalId, neighbourhoodId, cancellationToken);
        return true;
    }
}
