using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>Ends every session of an account on the server: its browser sessions and, on this node at once, its hub connections.</summary>
public sealed class AccountSessions(ProeftuinDbContext db, UserManager<ProeftuinUser> users, LiveConnections live)
{
    /// <summary>
    /// After a password change or reset: every browser session and hub connection of the account ends, except the
    /// session <paramref name="keep"/> (the browser that changed the password stays signed in).
    /// </summary>
    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken, string? keep = null)
    {
        await db.UserSessions.Where(s => s.UserId == userId && s.Key != keep).ExecuteDeleteAsync(cancellationToken);
        live.EndUser(userId, keep);
    }

    /// <summary>Locks the account until <paramref name="until"/> and ends all its sessions; a new security stamp ends its tokens' hub connections on other nodes too.</summary>
    public async Task<IdentityResult> LockAsync(ProeftuinUser user, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var locked = await users.SetLockoutEndDateAsync(user, until);
        if (!locked.Succeeded)
        {
            return locked;
        }

        var stamped = await users.UpdateSecurityStampAsync(user);
        await EndAllAsync(user.Id, cancellationToken);
        return stamped;
    }
}
