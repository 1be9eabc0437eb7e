using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;

namespace Proeftuin.Testing;

/// <summary>The demo data's planned meeting of a wijk: every wijk has one, and most live tests start from it.</summary>
public static class PlannedMeetings
{
    /// <summary>The id of the planned (not yet started) meeting of the wijk with this slug, e.g. "ondiep".</summary>
    public static async Task<Guid> PlannedMeetingAsync(this IServiceProvider services, string neighbourhood)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        return await db.Meetings
            .Where(m => m.Status == MeetingStatus.Planned && db.Neighbourhoods.Any(n => n.Id == m.NeighbourhoodId && n.Slug == neighbourhood))
            .Select(m => m.Id)
            .SingleAsync();
    }
}
