using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Testing;
using Proeftuin.Web.Features.Meetings.Live;

namespace Proeftuin.Web.Tests.Features.Meetings;

/// <summary>
/// The meeting room's use cases called as the hub calls them, without SignalR: a seat as the guard would give it, and
/// each call in its own scope (a hub invocation's scope) of the real app on its SQLite test database.
/// </summary>
internal static class RoomServices
{
    /// <summary>The seat of the demo account <paramref name="email"/> in the planned meeting of <paramref name="wijk"/>, with its role there.</summary>
    public static async Task<MeetingSeat> SeatAsync(this IServiceProvider services, string neighbourhood, string email)
    {
        var meetingId = await services.PlannedMeetingAsync(neighbourhood);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhoodId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.NeighbourhoodId).SingleAsync();
        var userId = await db.Professionals.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
        var role = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhoodId && m.ProfessionalId == userId).Select(m => m.Role).SingleAsync();
        return new MeetingSeat(meetingId, neighbourhoodId, userId, role);
    }

    /// <summary>Calls one service in a scope of its own, as one hub invocation would.</summary>
    public static async Task<T> CallAsync<TService, T>(this IServiceProvider services, Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Reads the database in a scope of its own.</summary>
    public static async Task<T> ReadAsync<T>(this IServiceProvider services, Func<ProeftuinDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>());
    }
}
