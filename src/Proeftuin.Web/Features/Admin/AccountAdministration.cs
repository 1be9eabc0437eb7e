using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Sessions;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// The beheerder deactivates and reactivates an account and sends an invitation again. Deactivation is a lockout
/// without end (ADR 35): every sign-in path, the token endpoint and the hub check already refuse a locked account; a
/// new security stamp and <see cref="AccountSessions"/> end its browser sessions, hub connections and tokens at once.
/// Every change is audit-logged as an <c>Account</c> with its id.
/// </summary>
public sealed class AccountAdministration(ProeftuinDbContext db, UserManager<ProeftuinUser> users, AccountSessions sessions, InvitationMail invitation, AdminGate gate, AuditLog audit)
{
    public const string ObjectType = "Account";

    /// <summary>The lockout end that marks a deactivated account: far enough to never pass, storable on every provider.</summary>
    public static readonly DateTimeOffset DeactivatedUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDeactivated(DateTimeOffset? lockoutEnd) => lockoutEnd >= DeactivatedUntil;

    public async Task<AdminOutcome> DeactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("deactivate", ObjectType, userId.ToString(), null, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        if (gate.CallerId == userId)
        {
            // A beheerder who locks themselves out may leave nobody to undo it.
            return AdminOutcome.Refused("Account", "ErrorOwnAccount");
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AdminOutcome.Refused("Account", "ErrorUnknownAccount");
        }

        if (IsDeactivated(user.LockoutEnd))
        {
            return AdminOutcome.Refused("Account", "ErrorAlreadyDeactivated");
        }

        if (!user.LockoutEnabled)
        {
            await users.SetLockoutEnabledAsync(user, true);
        }

        var locked = await sessions.LockAsync(user, DeactivatedUntil, cancellationToken);
        if (!locked.Succeeded)
        {
            throw new InvalidOperationException("Locking the account failed: " + string.Join(' ', locked.Errors.Select(e => e.Code)));
        }

        await audit.RecordAsync(new AuditEvent("deactivate", "success", ObjectType, userId.ToString(), Role: AdminGate.Role), cancellationToken);
        return AdminOutcome.Success;
    }

    public async Task<AdminOutcome> ReactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("reactivate", ObjectType, userId.ToString(), null, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AdminOutcome.Refused("Account", "ErrorUnknownAccount");
        }

        if (!IsDeactivated(user.LockoutEnd))
        {
            return AdminOutcome.Refused("Account", "ErrorNotDeactivated");
        }

        if (await db.Professionals.AnyAsync(p => p.Id == userId && p.Email.EndsWith("@" + Core.Professionals.Professional.AnonymisedDomain), cancellationToken))
        {
            // An anonymised account has no login left; reactivating it would only pretend otherwise.
            return AdminOutcome.Refused("Account", "ErrorAlreadyAnonymised");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(new AuditEvent("reactivate", "success", ObjectType, userId.ToString(), Role: AdminGate.Role), cancellationToken);
        return AdminOutcome.Success;
    }

    /// <summary>
    /// A new invitation for an account that never set a password. The new security stamp voids the link of the earlier
    /// invitation, so only the newest mail works.
    /// </summary>
    public async Task<AdminOutcome> ResendInvitationAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("resend-invitation", ObjectType, userId.ToString(), null, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        var user = await users.FindByIdAsync(userId.ToString());
        var name = await db.Professionals.AsNoTracking().Where(p => p.Id == userId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (user is null || name is null)
        {
            return AdminOutcome.Refused("Account", "ErrorUnknownAccount");
        }

        if (user.PasswordHash is not null)
        {
            return AdminOutcome.Refused("Account", "ErrorPasswordAlreadySet");
        }

        if (IsDeactivated(user.LockoutEnd))
        {
            return AdminOutcome.Refused("Account", "ErrorDeactivatedNoInvitation");
        }

        await users.UpdateSecurityStampAsync(user);
        await invitation.SendAsync(user, name, cancellationToken);
        await audit.RecordAsync(new AuditEvent("resend-invitation", "success", ObjectType, userId.ToString(), Role: AdminGate.Role), cancellationToken);
        return AdminOutcome.Success;
    }
}
