using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Web.Features.Cases.Preparation;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Infrastructure.Sessions;

/// <summary>
/// The hub connections open on this node, with the account, browser session and security stamp each was opened
/// with. A connection is closed when what let it in no longer holds: at once when this node makes the change
/// (<see cref="EndSession"/>, <see cref="EndUser"/>, <see cref="EndMembershipAsync"/>), and otherwise at the next
/// <see cref="CheckAsync"/> against the database, which every node runs on its own (<see cref="LiveConnectionCheck"/>),
/// so a change made on another node needs no messaging. The check also keeps the browser session of an open
/// connection from going idle: sitting in a meeting without clicking is activity. A connection counts for a wijk when
/// it joined a meeting of that wijk (<c>/hubs/meeting</c>) or opened a case of it (<c>/hubs/case</c>).
/// </summary>
public sealed class LiveConnections(IServiceScopeFactory scopes, Presence presence, CasePresence cases, TimeProvider time, IOptions<SessionOptions> options, ILogger<LiveConnections> logger)
{
    private sealed record Connection(HubCallerContext Context, Guid UserId, string? SessionKey, string? SecurityStamp);

    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public async Task ConnectedAsync(HubCallerContext context, CancellationToken cancellationToken)
    {
        if (context.User is not { } user || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"), out var userId))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var stampClaim = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;

        // A cookie carries the stamp it was issued with; a token does not, so the stamp of now is the reference.
        var stamp = user.FindFirstValue(stampClaim) ?? await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        _connections[context.ConnectionId] = new Connection(context, userId, user.FindFirstValue(DatabaseTicketStore.SessionClaim), stamp);
    }

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>The browser session ended here (logout): its connections close now.</summary>
    public int EndSession(string sessionKey) => Close(c => c.SessionKey == sessionKey, "session ended");

    /// <summary>Every session of the account ended here (password changed, account locked), except the session <paramref name="keep"/>.</summary>
    public int EndUser(Guid userId, string? keep = null) =>
        Close(c => c.UserId == userId && (keep is null || c.SessionKey != keep), "account sessions ended");

    /// <summary>The account lost its membership of a wijk: its connections in a meeting or on a case of that wijk close now.</summary>
    public async Task<int> EndMembershipAsync(Guid userId, Guid neighbourhoodId, CancellationToken cancellationToken)
    {
        var joined = _connections.Values.Where(c => c.UserId == userId)
            .Select(c => (c.Context.ConnectionId, Place: PlaceOf(c.Context.ConnectionId)))
            .Where(c => c.Place is not null)
            .ToList();
        if (joined.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var neighbourhoods = await NeighbourhoodsOfAsync(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>(), [.. joined.Select(c => c.Place!)], cancellationToken);
        var connectionIds = joined.Where(c => neighbourhoods.TryGetValue(c.Place!, out var n) && n == neighbourhoodId)
            .Select(c => c.ConnectionId).ToHashSet(StringComparer.Ordinal);
        return Close(c => connectionIds.Contains(c.Context.ConnectionId), "membership removed");
    }

    /// <summary>Where a connection is: the meeting it joined or the case it opened (one hub each, so never both).</summary>
    private Place? PlaceOf(string connectionId) =>
        presence.MeetingOf(connectionId) is { } meeting ? new Place(meeting, IsCase: false)
        : cases.Rooms.MeetingOf(connectionId) is { } caseId ? new Place(caseId, IsCase: true)
        : null;

    /// <summary>The wijk of each meeting and case; one missing from the answer was deleted.</summary>
    private static async Task<Dictionary<Place, Guid>> NeighbourhoodsOfAsync(ProeftuinDbContext db, IReadOnlyCollection<Place> places, CancellationToken cancellationToken)
    {
        var meetingIds = places.Where(p => !p.IsCase).Select(p => p.Id).Distinct().ToList();
        var caseIds = places.Where(p => p.IsCase).Select(p => p.Id).Distinct().ToList();
        var result = new Dictionary<Place, Guid>();
        if (meetingIds.Count > 0)
        {
            foreach (var m in await db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).Select(m => new { m.Id, m.NeighbourhoodId }).ToListAsync(cancellationToken))
            {
                result[new Place(m.Id, IsCase: false)] = m.NeighbourhoodId;
            }
        }

        if (caseIds.Count > 0)
        {
            foreach (var c in await db.CaseFiles.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.NeighbourhoodId }).ToListAsync(cancellationToken))
            {
                result[new Place(c.Id, IsCase: true)] = c.NeighbourhoodId;
            }
        }

        return result;
    }

    private sealed record Place(Guid Id, bool IsCase);

    /// <summary>
    /// Closes every connection whose account is gone, locked or has a new security stamp, whose browser session ended
    /// (logout, idle, absolute limit) or whose joined meeting or opened case belongs to a wijk the account is no longer a member of;
    /// then moves on the idle limit of the sessions that still have a connection.
    /// </summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var connections = _connections.Values.ToList();
        if (connections.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var userIds = connections.Select(c => c.UserId).Distinct().ToList();
        var sessionKeys = connections.Select(c => c.SessionKey).OfType<string>().Distinct().ToList();
        var joined = connections.ToDictionary(c => c.Context.ConnectionId, c => PlaceOf(c.Context.ConnectionId), StringComparer.Ordinal);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var signedInAfter = now - settings.Absolute;
        var liveSessions = (await db.UserSessions.AsNoTracking()
            .Where(s => sessionKeys.Contains(s.Key) && s.ExpiresUtc > now && s.SignedInUtc > signedInAfter)
            .Select(s => s.Key)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var neighbourhoodOfPlace = await NeighbourhoodsOfAsync(db, [.. joined.Values.OfType<Place>()], cancellationToken);
        var memberships = (await db.Memberships.AsNoTracking().Where(m => userIds.Contains(m.ProfessionalId))
            .Select(m => new { m.ProfessionalId, m.NeighbourhoodId })
            .ToListAsync(cancellationToken)).Select(m => (m.ProfessionalId, m.NeighbourhoodId)).ToHashSet();

        string? ReasonToClose(Connection connection)
        {
            if (!accounts.TryGetValue(connection.UserId, out var account))
            {
                return "account removed";
            }

            if (account.LockoutEnd is { } lockedUntil && lockedUntil > time.GetUtcNow())
            {
                return "account locked";
            }

            if (connection.SecurityStamp is not null && !string.Equals(connection.SecurityStamp, account.SecurityStamp, StringComparison.Ordinal))
            {
                return "security stamp changed";
            }

            if (connection.SessionKey is not null && !liveSessions.Contains(connection.SessionKey))
            {
                return "session ended";
            }

            return joined[connection.Context.ConnectionId] is { } place
                && (!neighbourhoodOfPlace.TryGetValue(place, out var neighbourhood) || !memberships.Contains((connection.UserId, neighbourhood)))
                ? "membership removed"
                : null;
        }

        var closed = 0;
        foreach (var connection in connections)
        {
            if (ReasonToClose(connection) is { } reason)
            {
                closed += Close(c => ReferenceEquals(c, connection), reason);
            }
        }

        var stillOpen = _connections.Values.Select(c => c.SessionKey).OfType<string>().Where(liveSessions.Contains).Distinct().ToList();
        if (stillOpen.Count > 0)
        {
            var idleUntil = now + settings.Idle;
            await db.UserSessions.Where(s => stillOpen.Contains(s.Key) && s.ExpiresUtc < idleUntil)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresUtc, idleUntil), cancellationToken);
        }

        return closed;
    }

    private int Close(Func<Connection, bool> which, string reason)
    {
        var closed = 0;
        foreach (var connection in _connections.Values.Where(which).ToList())
        {
            if (_connections.TryRemove(connection.Context.ConnectionId, out _))
            {
                logger.LogInformation("Hub connection {ConnectionId} of user {UserId} closed: {Reason}", connection.Context.ConnectionId, connection.UserId, reason);
                connection.Context.Abort();
                closed++;
            }
        }

        return closed;
    }
}
