using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.SocialMap;

/// <summary>The sociale kaart of Ondiep: members keep their own entry and see the others'; nobody else sees it.</summary>
public sealed class Social_map(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    private const string Map = "/wijken/ondiep/sociale-kaart";

    [Fact]
    public async Task A_member_keeps_their_own_entry_and_colleagues_see_it()
    {
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var empty = await kevin.OpenAsync(Map);
        var invalid = await kevin.SubmitAsync(Map, Map, new Dictionary<string, string> { ["Practice"] = "", ["Reach"] = " " });
        var saved = await kevin.SubmitAsync(Map, Map, new Dictionary<string, string>
        {
            ["Practice"] = "Gezondheidscentrum Ondiep", ["Reach"] = "via de praktijklijn, toets 3", ["Availability"] = "ma t/m do",
        });
        var changed = await kevin.SubmitAsync(Map, Map, new Dictionary<string, string>
        {
            ["Practice"] = "Gezondheidscentrum Ondiep", ["Reach"] = "beveiligde mail via Zorgmail", ["Availability"] = "",
        });
        var seenByColleague = await joost.OpenAsync(Map);

        Assert.Contains("data-testid=\"no-entries\"", empty.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Gezondheidscentrum Ondiep\"", empty.Html, StringComparison.Ordinal);
        Assert.Contains("Vul je praktijk, team of organisatie in.", invalid.Text, StringComparison.Ordinal);
        Assert.Contains("Vul in hoe collega's je bereiken.", invalid.Text, StringComparison.Ordinal);
        Assert.Contains("Je gegevens op de sociale kaart zijn opgeslagen.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("beveiligde mail via Zorgmail", changed.Text, StringComparison.Ordinal);
        Assert.Contains("Kevin Smit", seenByColleague.Text, StringComparison.Ordinal);
        Assert.Contains("beveiligde mail via Zorgmail", seenByColleague.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("toets 3", seenByColleague.Text, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.SocialMapEntries.CountAsync()));
        Assert.True(await factory.AuditedAsync("SocialMapEntry", null, "success"));
    }

    [Fact]
    public async Task Members_of_other_wijken_coordinators_and_beheerders_do_not_see_the_map()
    {
        foreach (var email in new[] { "ingrid.meijer@demo.proeftuin.nl", "hanna.koster@demo.proeftuin.nl", "beheer@demo.proeftuin.nl" })
        {
            using var client = await factory.SignedInAsync(email);

            var page = await client.OpenAsync(Map);

            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        }
    }
}
