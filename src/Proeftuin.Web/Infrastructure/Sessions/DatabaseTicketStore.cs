using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Data.Identity;

namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>
/// Keeps the browser's authentication ticket in the database (<see cref="UserSession"/>); the cookie carries only the
/// key. The cookie handler calls <see cref="RemoveAsync"/> on logout, so a replayed cookie finds nothing. The row's
/// expiry is authoritative: activity of a hub connection moves it on (<see cref="LiveConnections"/>), and no row is
/// handed out after the absolute limit, whatever its expiry says.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time, IOptions<SessionOptions> options) : ITicketStore
{
    /// <summary>The claim that names the session a principal came from, so a hub connection knows which session it belongs to.</summary>
    public const string SessionClaim = "proeftuin:session";

    /// <summary>The ticket property that holds the time of the sign-in (kept when the cookie slides or is refreshed).</summary>
    public const string SignedInItem = ".proeftuin.signed-in";

    private readonly IDataProtector _protector = protection.CreateProtector("Proeftuin.UserSessions.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var signedIn = SignedInOf(ticket.Properties) ?? now;
        var session = new UserSession
        {
            Key = Guid.NewGuid().ToString("N"),
            UserId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!),
            Ticket = Protect(Without(ticket, SessionClaim)),
            SignedInUtc = signedIn,
            ExpiresUtc = ExpiryOf(ticket, signedIn, now),
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();

        // Sessions nobody ended (the browser was just closed) are cleared as new ones start.
        await db.UserSessions.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync();
        return session.Key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();

        // A session that was ended meanwhile stays ended: renewing never brings a row back.
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Key == key);
        if (session is null)
        {
            return;
        }

        session.Ticket = Protect(Without(ticket, SessionClaim));
        session.ExpiresUtc = ExpiryOf(ticket, session.SignedInUtc, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var absolute = now - options.Value.Absolute;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key && s.ExpiresUtc > now && s.SignedInUtc > absolute);
        if (session is null)
        {
            return null;
        }

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        if (ticket is null)
        {
            return null;
        }

        ticket.Properties.ExpiresUtc = new DateTimeOffset(session.ExpiresUtc, TimeSpan.Zero);
        var identity = (ClaimsIdentity)ticket.Principal.Identity!;
        foreach (var stale in identity.FindAll(SessionClaim).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(SessionClaim, key));
        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        await db.UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    public static DateTime? SignedInOf(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInItem, out var value) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
            ? signedIn.ToUniversalTime()
            : null;

    public static void MarkSignedIn(AuthenticationProperties properties, DateTime nowUtc)
    {
        if (SignedInOf(properties) is null)
        {
            properties.Items[SignedInItem] = nowUtc.ToString("O", CultureInfo.InvariantCulture);
        }
    }

    private DateTime ExpiryOf(AuthenticationTicket ticket, DateTime signedIn, DateTime now)
    {
        var idle = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + options.Value.Idle;
        var absolute = signedIn + options.Value.Absolute;
        return idle < absolute ? idle : absolute;
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static AuthenticationTicket Without(AuthenticationTicket ticket, string claimType)
    {
        foreach (var identity in ticket.Principal.Identities)
        {
            foreach (var claim in identity.FindAll(claimType).ToList())
            {
                identity.RemoveClaim(claim);
            }
        }

        return ticket;
    }
}
