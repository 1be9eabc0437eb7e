using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Data.Notifications;
using Proeftuin.Testing;

namespace Proeftuin.Web.Tests.Features.Notifications;

internal static class OutboxTestData
{
    /// <summary>Writes "verslag definitief" messages about Ondiep's demo meeting for its members, <paramref name="rounds"/> each.</summary>
    public static async Task<List<Guid>> EnqueueAsync(IServiceProvider services, int rounds = 1)
    {
        var meetingId = await services.PlannedMeetingAsync("ondiep");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhood = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.NeighbourhoodId).SingleAsync();
        var members = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhood).Select(m => m.ProfessionalId).ToListAsync();
        var messages = Enumerable.Range(0, rounds).SelectMany(_ => members)
            .Select(member => new OutboxMessage { Kind = NotificationKind.MinutesFinal, RecipientId = member, MeetingId = meetingId }).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return [.. messages.Select(m => m.Id)];
    }

    public static async Task<OutboxMessage> RowAsync(IServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static string MessageIdOf(Guid id) => $"{id:N}@proeftuin";
}
