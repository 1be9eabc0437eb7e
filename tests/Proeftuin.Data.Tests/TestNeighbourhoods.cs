using Proeftuin.Core.Neighbourhoods;
using Proeftuin.Core.Professionals;
using Proeftuin.Data.Identity;
using Proeftuin.Testing;

namespace Proeftuin.Data.Tests;

/// <summary>A wijk with one chair in a test database: the least the persistence tests need to own cases and meetings.</summary>
public static class TestNeighbourhoods
{
    public static async Task<(Neighbourhood Neighbourhood, Professional Member)> AddWithChairAsync(TestDatabase database, string prefix)
    {
        await using var db = database.CreateContext();
        var neighbourhood = new Neighbourhood(Guid.NewGuid(), "Wijk " + prefix, prefix);
        var user = new ProeftuinUser { Id = Guid.NewGuid(), UserName = prefix + "@test.nl", Email = prefix + "@test.nl" };
        var member = new Professional(user.Id, "Lid " + prefix, user.Email, Discipline.GeneralPractitioner, null);
        member.JoinNeighbourhood(neighbourhood.Id, MembershipRole.Chair);
        db.Neighbourhoods.Add(neighbourhood);
        db.Users.Add(user);
        db.Professionals.Add(member);
        await db.SaveChangesAsync();
        return (neighbourhood, member);
    }
}
