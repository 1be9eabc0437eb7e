using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Audit;
using Proeftuin.Web.Infrastructure.Authorization;
using Proeftuin.Web.Infrastructure.Sessions;

namespace Proeftuin.Web.Features.Admin;

/// <summary>
/// The beheerder anonymises the account of someone who left (AVG art. 17, ADR 37): name, address and organisation
/// become a neutral label, the login (user name, address, phone, password, authenticator key, recovery codes, external
/// logins, claims, global roles) goes, every membership ends, every session ends and the account stays locked for good.
/// The id stays: the audit log keeps its entries, so its chain is not touched and stays verifiable. It cannot be undone,
/// so the beheerder confirms by typing the person's name.
/// </summary>
public sealed class AccountAnonymisation(ProeftuinDbContext db, UserManager<ProeftuinUser> users, AccountSessions sessions, MembershipChanges memberships, AdminGate gate, AuditLog audit)
{
    public async Task<AdminOutcome> AnonymiseAsync(Guid userId, string? confirmation, CancellationToken cancellationToken)
    {
        if (!await gate.AllowsAsync("anonymise", AccountAdministration.ObjectType, userId.ToString(), null, cancellationToken))
        {
            return AdminOutcome.Forbidden;
        }

        if (gate.CallerId == userId)
        {
            return AdminOutcome.Refused("Account", "ErrorOwnAccountAnonymise");
        }

        var user = await users.FindByIdAsync(userId.ToString());
        var professional = await db.Professionals.Include(p => p.Memberships).FirstOrDefaultAsync(p => p.Id == userId, cancellationToken);
        if (user is null || professional is null)
        {
            return AdminOutcome.Refused("Account", "ErrorUnknownAccount");
        }

        if (professional.IsAnonymised)
        {
            return AdminOutcome.Refused("Account", "ErrorAlreadyAnonymised");
        }

        if (!string.Equals(confirmation?.Trim(), professional.DisplayName, StringComparison.OrdinalIgnoreCase))
        {
            return AdminOutcome.Refused("Confirmation", "ErrorConfirmationName");
        }

        // First the lock through Identity (the address is still valid for its validators): a new security stamp, and
        // every browser session, hub connection and token ends. Then the personal data goes, past the validators that
        // would refuse an account without an address.
        if (!user.LockoutEnabled)
        {
            await users.SetLockoutEnabledAsync(user, true);
        }

        var locked = await sessions.LockAsync(user, AccountAdministration.DeactivatedUntil, cancellationToken);
        if (!locked.Succeeded)
        {
            throw new InvalidOperationException("Locking the account failed: " + string.Join(' ', locked.Errors.Select(e => e.Code)));
        }

        var left = professional.Memberships.Select(m => m.NeighbourhoodId).ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.NotificationPreferences.Where(p => p.ProfessionalId == userId).ExecuteDeleteAsync(cancellationToken);
            // Mail not yet sent would go to an address that no longer exists.
            await db.OutboxMessages.Where(m => m.RecipientId == userId && m.SentAtUtc == null).ExecuteDeleteAsync(cancellationToken);

            var login = "voormalig-" + userId.ToString("N");
            user.UserName = login;
            user.NormalizedUserName = login.ToUpperInvariant();
            user.Email = null;
            user.NormalizedEmail = null;
            user.EmailConfirmed = false;
            user.PhoneNumber = null;
            user.PhoneNumberConfirmed = false;
            user.PasswordHash = null;
            user.TwoFactorEnabled = false;
            user.AccessFailedCount = 0;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            professional.Anonymise();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        memberships.Changed();
        // A session that began between the lock and now has the old stamp and ends too.
        await sessions.EndAllAsync(userId, cancellationToken);
        await audit.RecordAllAsync(
            [
                .. left.Select(n => new AuditEvent("remove-membership", "success", "Membership", userId.ToString(), n, AdminGate.Role)),
                new AuditEvent("anonymise", "success", AccountAdministration.ObjectType, userId.ToString(), Role: AdminGate.Role),
            ],
            cancellationToken);
        return AdminOutcome.Success;
    }
}
