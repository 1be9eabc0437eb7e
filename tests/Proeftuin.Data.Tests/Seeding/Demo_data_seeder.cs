using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Cases;
using Proeftuin.Core.Meetings;
using Proeftuin.Core.Recommendations;
using Proeftuin.Data.Providers;
using Proeftuin.Data.Seeding;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests.Seeding;

public sealed class Demo_data_seeder
{
    [Theory]
    [AllProviders]
    public async Task Fills_an_empty_database_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        await using (var db = database.CreateContext())
        {
            Assert.True(await new DemoDataSeeder(db, TimeProvider.System).SeedAsync(CancellationToken.None));
        }

        await using (var db = database.CreateContext())
        {
            Assert.False(await new DemoDataSeeder(db, TimeProvider.System).SeedAsync(CancellationToken.None));

            Assert.Equal(["Binnenstad", "Leidsche Rijn", "Ondiep"], await db.Neighbourhoods.OrderBy(n => n.Name).Select(n => n.Name).ToListAsync());
            Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync());
            Assert.Equal(DemoAccounts.All.Count, await db.Professionals.CountAsync());
            Assert.Equal(9, await db.CaseFiles.CountAsync());
            Assert.Equal(3, await db.Meetings.CountAsync(m => m.Status == MeetingStatus.Closed));
            Assert.Equal(3, await db.Meetings.CountAsync(m => m.Status == MeetingStatus.Planned));
            Assert.Equal(3, await db.NeighbourhoodAgreements.CountAsync());
            Assert.True(await db.MeetingEvaluations.CountAsync() >= 12);

            foreach (var pillar in VisionPillars.Each)
            {
                Assert.True(await db.Recommendations.AnyAsync(r => (r.Pillars & pillar) == pillar), $"No demo recommendation for {pillar}");
            }

            var neighbourhoods = await db.Neighbourhoods.Select(n => n.Id).ToListAsync();
            foreach (var neighbourhood in neighbourhoods)
            {
                Assert.Equal(3, await db.CaseFiles.CountAsync(c => c.NeighbourhoodId == neighbourhood));
                Assert.Equal(1, await db.Memberships.CountAsync(m => m.NeighbourhoodId == neighbourhood && m.Role == Core.Professionals.MembershipRole.Chair));
            }

            var texts = await db.CaseFiles.Select(c => c.Text).ToListAsync();
            Assert.All(texts, text => Assert.All(CaseTemplate.SectionHeadings, heading => Assert.Contains("## " + heading, text, StringComparison.Ordinal)));
        }
    }
}
