using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Data.Identity;
using Proeftuin.Web.Infrastructure.Identity;

namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>
/// Ends every session of an account on the server: its browser sessions, on this node at once its hub connections, and
/// the OpenID Connect tokens its clients were granted (they came from a session that no longer holds).
/// </summary>
public sealed class AccountSessions(ProeftuinDbContext db, UserManager<ProeftuinUser> users, LiveConnections live, OpenIdTokenRevocation tokens)
{
    /// <summary>
    /// After a password change or reset: every browser session and hub connection of the account ends, except the
    /// session <paramref name="keep"/> (the browser that changed the password stays signed in).
    /// </summary>
    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken, string? keep = null)
    {
        await db.UserSessions.Where(s => s.UserId == userId && s.Key != keep).ExecuteDeleteAsync(cancellationToken);
        live.EndUser(userId, keep);
        await tokens.RevokeForUserAsync(userId, keep is null ? "sessions-ended" : "password-changed", cancellationToken);
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
