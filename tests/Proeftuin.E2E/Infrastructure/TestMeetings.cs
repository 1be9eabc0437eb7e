using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Data;

namespace Proeftuin.E2E.Infrastructure;

/// <summary>A meeting of its own for a test, so no other test in the browser collection starts or closes it.</summary>
internal static class TestMeetings
{
    /// <summary>Plans a meeting tomorrow in <paramref name="wijk"/> with the wijk's first editable case on the agenda.</summary>
    public static async Task<Guid> PlanAsync(BrowserSession session, string neighbourhood, string title)
    {
        await using var scope = session.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProeftuinDbContext>();
        var neighbourhoodId = await db.Neighbourhoods.Where(n => n.Slug == neighbourhood).Select(n => n.Id).SingleAsync();
        var chairId = await db.Memberships.Where(m => m.NeighbourhoodId == neighbourhoodId && m.Role == Core.Professionals.MembershipRole.Chair)
            .Select(m => m.ProfessionalId).FirstAsync();
        var caseFile = await db.CaseFiles
            .Where(c => c.NeighbourhoodId == neighbourhoodId && c.Status != CaseStatus.Archived)
            .OrderBy(c => c.Code)
            .FirstAsync();
        var meeting = new Meeting(Guid.NewGuid(), neighbourhoodId, title, DateTime.UtcNow.AddDays(1), chairId);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 20);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }
}
