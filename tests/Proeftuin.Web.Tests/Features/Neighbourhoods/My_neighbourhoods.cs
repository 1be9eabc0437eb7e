using System.Net.Http.Json;
using Proeftuin.Web.Features.Neighbourhoods;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Neighbourhoods;

public sealed class My_neighbourhoods(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task A_member_sees_their_wijken_with_their_role_and_a_coordinator_sees_all_without_one()
    {
        var sanne = await factory.SignedInAsync("sanne.visser@demo.proeftuin.nl");
        var hanna = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        var own = (await sanne.GetFromJsonAsync<List<NeighbourhoodDto>>("/api/neighbourhoods/"))!;
        var all = (await hanna.GetFromJsonAsync<List<NeighbourhoodDto>>("/api/neighbourhoods/"))!;

        Assert.Equal(["LR", "OND"], own.Select(n => n.CaseCodePrefix).Order());
        Assert.All(own, n => Assert.Equal("Member", n.Role));
        Assert.Equal(3, all.Count);
        Assert.All(all, n => Assert.Null(n.Role));
    }
}
