using Microsoft.EntityFrameworkCore;
using System.Net;
using Proeftuin.Web.Tests.Infrastructure;

namespace Proeftuin.Web.Tests.Features.Neighbourhoods;

/// <summary>The wijk page shows members, cases and meetings to the members of that wijk, and to no one else.</summary>
public sealed class Neighbourhood_page(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Member_of_Ondiep_sees_its_wijk_page()
    {
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var page = await kevin.OpenAsync("/wijken/ondiep");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1 class=\"utrecht-heading-1\">Ondiep</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains("Joost Mulder", page.Text, StringComparison.Ordinal);
        Assert.Contains("Voorzitter", page.Text, StringComparison.Ordinal);
        Assert.Contains("Gezinswerker buurtteam", page.Text, StringComparison.Ordinal);
        Assert.Contains("Buurtteam Jeugd en Gezin Noordwest", page.Text, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(page.Html, "data-testid=\"case-row\""));
        Assert.Contains("href=\"/casussen/", page.Html, StringComparison.Ordinal);
        Assert.Contains("OND-", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/besprekingen/", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Gepland<", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Gesloten<", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/casussen/nieuw?wijk=ondiep\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/besprekingen/plannen", page.Html, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("Neighbourhood", (await factory.NeighbourhoodIdAsync("ondiep")).ToString(), "success"));
    }

    [Fact]
    public async Task Neighbourhood_page_is_in_english_on_request()
    {
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var page = await joost.OpenAsync("/wijken/ondiep?culture=en-GB&ui-culture=en-GB");

        Assert.Contains(">Members</h2>", page.Html, StringComparison.Ordinal);
        Assert.Contains("Family worker (neighbourhood team)", page.Text, StringComparison.Ordinal);
        Assert.Contains(">Chair<", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Plan a meeting<", page.Html, StringComparison.Ordinal);
        Assert.Contains(">Planned<", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chair_of_Ondiep_gets_the_link_to_plan_a_meeting()
    {
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");

        var page = await joost.OpenAsync("/wijken/ondiep");

        Assert.Contains("href=\"/besprekingen/plannen?wijk=ondiep\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Bespreking plannen", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chair_sees_the_average_rating_of_each_meeting_and_a_member_does_not()
    {
        using var joost = await factory.SignedInAsync("joost.mulder@demo.proeftuin.nl");
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");
        var expected = await factory.QueryAsync(db => (
            from e in db.MeetingEvaluations
            join m in db.Meetings on e.MeetingId equals m.Id
            where m.NeighbourhoodId == ondiep
            select e.Score).ToListAsync());

        var chairPage = await joost.OpenAsync("/wijken/ondiep");
        var memberPage = await kevin.OpenAsync("/wijken/ondiep");

        Assert.NotEmpty(expected);
        Assert.Contains($"{expected.Average().ToString("0.0", new System.Globalization.CultureInfo("nl-NL"))} ({expected.Count}×)", chairPage.Text, StringComparison.Ordinal);
        Assert.Contains("Evaluatie (trend)", chairPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Evaluatie (trend)", memberPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_of_Binnenstad_cannot_open_the_Ondiep_wijk_page_and_the_refusal_is_logged()
    {
        using var ingrid = await factory.SignedInAsync("ingrid.meijer@demo.proeftuin.nl");

        var page = await ingrid.OpenAsync("/wijken/ondiep");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.StartsWith("/account/access-denied", page.Landed.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("OND-", page.Html, StringComparison.Ordinal);
        Assert.True(await factory.AuditedAsync("Neighbourhood", (await factory.NeighbourhoodIdAsync("ondiep")).ToString(), "denied"));
    }

    [Fact]
    public async Task Coordinator_cannot_open_a_wijk_page()
    {
        using var hanna = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        var page = await hanna.OpenAsync("/wijken/binnenstad");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task Unknown_wijk_is_not_found()
    {
        using var kevin = await factory.SignedInAsync("kevin.smit@demo.proeftuin.nl");

        var page = await kevin.OpenAsync("/wijken/nergenshuizen");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Home_page_links_members_to_their_wijk_page_only()
    {
        using var sanne = await factory.SignedInAsync("sanne.visser@demo.proeftuin.nl");
        using var hanna = await factory.SignedInAsync("hanna.koster@demo.proeftuin.nl");

        var member = await sanne.OpenAsync("/");
        var coordinator = await hanna.OpenAsync("/");

        Assert.Contains("href=\"/wijken/ondiep\"", member.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/wijken/leidsche-rijn\"", member.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/wijken/", coordinator.Html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
