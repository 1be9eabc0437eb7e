using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Professionals;
using Proeftuin.Data;
using Proeftuin.Web.Features.Neighbourhoods;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// The beheerder adds an existing account to a wijk with a role, changes a member's role, and takes a member out
/// (<see cref="MembershipRemoval"/>: their hub connections in the wijk's meetings and cases close at once). Every change
/// is audit-logged as a <c>Membership</c> with the professional's id and the wijk.
/// </summary>
public sealed class MembershipAdministration(ProeftuinDbContext db, AdminGate gate, AuditLog audit, MembershipChanges changes, MembershipRemoval removal)
{
    public const string ObjectType = "Membership";

    public async Task<AdminOutcome> AddAsync(Guid neighbourhoodId, Guid professionalId, MembershipRole role, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("add-membership", ObjectType, professionalId.ToString(), neighbourhoodId, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        if (!Enum.IsDefined(role))
        {
            return AdminOutcome.Refused("Role", "ErrorRole");
        }

        if (!await db.Neighbourhoods.AnyAsync(n => n.Id == neighbourhoodId, cancellationToken))
        {
            return AdminOutcome.Refused("ProfessionalId", "ErrorUnknownNeighbourhood");
        }

        var professional = await db.Professionals.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == professionalId, cancellationToken);
        if (professional is null)
        {
            return AdminOutcome.Refused("ProfessionalId", "ErrorUnknownAccount");
        }

        if (professional.IsMemberOf(neighbourhoodId))
        {
            return AdminOutcome.Refused("ProfessionalId", "ErrorAlreadyMember");
        }

        if (professional.IsAnonymised)
        {
            return AdminOutcome.Refused("ProfessionalId", "ErrorAlreadyAnonymised");
        }

        professional.JoinNeighbourhood(neighbourhoodId, role);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another beheerder added the same membership a moment ago.
            db.ChangeTracker.Clear();
            return AdminOutcome.Refused("ProfessionalId", "ErrorAlreadyMember");
        }

        changes.Changed();
        await audit.RecordAsync(new AuditEvent("add-membership", "success", ObjectType, professionalId.ToString(), neighbourhoodId, AdminGate.Role), cancellationToken);
        return AdminOutcome.Success;
    }

    public async Task<AdminOutcome> ChangeRoleAsync(Guid neighbourhoodId, Guid professionalId, MembershipRole role, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("change-role", ObjectType, professionalId.ToString(), neighbourhoodId, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        if (!Enum.IsDefined(role))
        {
            return AdminOutcome.Refused("Role", "ErrorRole");
        }

        var professional = await db.Professionals.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == professionalId, cancellationToken);
        var current = professional?.Memberships.FirstOrDefault(m => m.NeighbourhoodId == neighbourhoodId);
        if (professional is null || current is null)
        {
            return AdminOutcome.Refused("Role", "ErrorNotMember");
        }

        if (current.Role == role)
        {
            return AdminOutcome.Success;
        }

        professional.JoinNeighbourhood(neighbourhoodId, role);
        await db.SaveChangesAsync(cancellationToken);

        // The meeting room re-reads a seat when this moves, so a former chair's chair controls stop at their next call.
        changes.Changed();
        await audit.RecordAsync(new AuditEvent("change-role", "success", ObjectType, professionalId.ToString(), neighbourhoodId, AdminGate.Role), cancellationToken);
        return AdminOutcome.Success;
    }

    /// <summary>Takes the member out; their open connections in the wijk's meetings and on its cases close now.</summary>
    public async Task<AdminOutcome> RemoveAsync(Guid neighbourhoodId, Guid professionalId, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("remove-membership", ObjectType, professionalId.ToString(), neighbourhoodId, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        return await removal.RemoveAsync(neighbourhoodId, professionalId, cancellationToken)
            ? AdminOutcome.Success
            : AdminOutcome.Refused("ProfessionalId", "ErrorNotMember");
    }
}
