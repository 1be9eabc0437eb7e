using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Core.Recommendations;
using Proeftuin.Web.Tests.Infrastructure;
using static Proeftuin.Web.Tests.Features.Coordination.CoordinationTestData;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>
/// The coordinator's workspace: recommendations of every wijk (never case text), filters, the pillar × wijk matrix as
/// chart and table, follow-up, and themes. Other roles are refused.
/// </summary>
public sealed partial class Coordinator_workspace(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Coordinator_filters_recommendations_by_pillar_wijk_and_text()
    {
        using var hanna = await factory.SignedInAsync(Coordinator);
        var ondiep = await factory.NeighbourhoodIdAsync("ondiep");

        var everything = await hanna.OpenAsync("/coordinatie");
        var byPillarAndNeighbourhood = await hanna.OpenAsync($"/coordinatie?wijk={ondiep}&pillar=AppropriateCare");
        var withText = await hanna.OpenAsync($"/coordinatie?wijk={ondiep}&pillar=AppropriateCare&text=TOLK");

        var total = await factory.QueryAsync(db => db.Recommendations.CountAsync());
        Assert.Equal(HttpStatusCode.OK, everything.Status);
        Assert.Equal(Math.Min(total, 50), RowsOf(everything.Html));
        Assert.Contains("Leidsche Rijn", everything.Text, StringComparison.Ordinal);
        Assert.Contains("Binnenstad", everything.Text, StringComparison.Ordinal);

        // Ondiep's "passende zorg" ones: the referral and the interpreter (which serves two pillars).
        Assert.Equal(2, RowsOf(byPillarAndNeighbourhood.Html));
        Assert.Contains("Verwijs pas naar specialistische zorg", byPillarAndNeighbourhood.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Leidsche Rijn</td>", byPillarAndNeighbourhood.Html, StringComparison.Ordinal);

        Assert.Equal(1, RowsOf(withText.Html));
        Assert.Contains("Organiseer een tolk standaard", withText.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Verwijs pas naar specialistische zorg", withText.Text, StringComparison.Ordinal);
        Assert.Contains("1 aanbevelingen gevonden", withText.Text, StringComparison.Ordinal);

        // The case code is shown, the case's title and text never are.
        var cases = await factory.QueryAsync(db => db.CaseFiles.Select(c => new { c.Code, c.Title }).ToListAsync());
        Assert.Contains(cases, c => everything.Html.Contains(c.Code, StringComparison.Ordinal));
        Assert.All(cases, c => Assert.DoesNotContain(c.Title, everything.Text, StringComparison.Ordinal));
        Assert.True(await factory.AuditedAsync("CoordinatorWorkspace", $"?wijk={ondiep}&pillar=AppropriateCare&text=TOLK", "success"));
    }

    [Fact]
    public async Task Coordinator_finds_the_workspace_from_the_home_page_and_members_do_not()
    {
        using var hanna = await factory.SignedInAsync(Coordinator);
        using var kevin = await factory.SignedInAsync(Member);

        Assert.Contains("href=\"/coordinatie\"", (await hanna.OpenAsync("/")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/coordinatie\"", (await kevin.OpenAsync("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_cannot_open_the_coordinator_workspace()
    {
        using var kevin = await factory.SignedInAsync(Member);
        using var beheer = await factory.SignedInAsync("beheer@demo.proeftuin.nl");

        foreach (var client in new[] { kevin, beheer })
        {
            foreach (var path in new[] { "/coordinatie", "/coordinatie/themas", "/coordinatie/themas/nieuw", $"/coordinatie/themas/{Guid.NewGuid()}" })
            {
                var page = await client.OpenAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, page.Status);
                Assert.StartsWith("/account/access-denied", page.Landed.AbsolutePath, StringComparison.Ordinal);
            }
        }

        Assert.True(await factory.AuditedAsync("CoordinatorWorkspace", null, "denied"));
    }

    [Fact]
    public async Task Matrix_counts_match_the_recommendations_and_are_shown_as_a_table()
    {
        using var hanna = await factory.SignedInAsync(Coordinator);

        var page = await hanna.OpenAsync("/coordinatie");

        var facts = await factory.QueryAsync(async db => await (
            from r in db.Recommendations
            join n in db.Neighbourhoods on r.NeighbourhoodId equals n.Id
            select new { n.Name, r.Pillars }).ToListAsync());
        var shown = MatrixCells().Matches(page.Html).ToDictionary(m => (m.Groups["pillar"].Value, WebUtility.HtmlDecode(m.Groups["wijk"].Value)), m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var neighbourhoods = facts.Select(f => f.Name).Distinct().ToList();
        Assert.Equal(VisionPillars.Each.Count * neighbourhoods.Count, shown.Count);
        foreach (var pillar in VisionPillars.Each)
        {
            foreach (var neighbourhood in neighbourhoods)
            {
                Assert.Equal(facts.Count(f => f.Name == neighbourhood && f.Pillars.HasFlag(pillar)), shown[(pillar.ToString(), neighbourhood)]);
            }
        }

        // The chart is one image with a title and a description, next to the table; no inline style anywhere.
        Assert.Contains("role=\"img\" aria-labelledby=\"matrix-chart-title matrix-chart-desc\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"matrix-chart-title\">Aanbevelingen per pijler en wijk</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"trend-chart-desc\">", page.Html, StringComparison.Ordinal);
        Assert.Equal(12, Regex.Count(page.Html[page.Html.IndexOf("data-testid=\"trend-table\"", StringComparison.Ordinal)..], "scope=\"row\""));
        Assert.DoesNotContain(" style=", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_up_marks_overdue_recommendations_in_words()
    {
        using var hanna = await factory.SignedInAsync(Coordinator);

        var page = await hanna.OpenAsync("/coordinatie");

        // Each wijk's interpreter recommendation was due three days ago and is still "afgesproken".
        var followUp = page.Html[page.Html.IndexOf("data-testid=\"follow-up-table\"", StringComparison.Ordinal)..];
        Assert.Equal(3, Regex.Count(followUp, "data-testid=\"overdue\">te laat<"));
    }

    [Fact]
    public async Task Coordinator_groups_recommendations_into_a_theme_with_a_synthesis()
    {
        using var hanna = await factory.SignedInAsync(Coordinator);
        var ondiep = await factory.RecommendationIdAsync("ondiep", "Organiseer een tolk");
        var binnenstad = await factory.RecommendationIdAsync("binnenstad", "Organiseer een tolk");
        var newTheme = $"/coordinatie/themas/nieuw?ids={ondiep}&ids={binnenstad}";

        var form = await hanna.OpenAsync(newTheme);
        var empty = await hanna.SubmitAsync(newTheme, newTheme, new Dictionary<string, string> { ["Title"] = " ", ["Synthesis"] = "" });
        var created = await hanna.SubmitAsync(newTheme, newTheme, new Dictionary<string, string>
        {
            ["Title"] = "Tolken in de wijk",
            ["Synthesis"] = "Twee wijken vragen om **standaard een tolk**.\n\n- Ondiep\n- Binnenstad",
        });

        Assert.Equal(2, RowsOf(form.Html));
        Assert.Contains("Geef het thema een titel", empty.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Matches("^/coordinatie/themas/[0-9a-f-]{36}$", created.Landed.AbsolutePath);
        Assert.Contains("<h1 class=\"utrecht-heading-1\">Tolken in de wijk</h1>", created.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>standaard een tolk</strong>", created.Html, StringComparison.Ordinal);
        Assert.Equal(2, RowsOf(created.Html));

        var theme = await factory.QueryAsync(db => db.RecommendationThemes.SingleAsync(t => t.Title == "Tolken in de wijk"));
        Assert.Equal(new[] { ondiep, binnenstad }.Order(), theme.RecommendationIds.Order());
        Assert.True(await factory.AuditedAsync("RecommendationTheme", theme.Id.ToString(), "success"));

        // Editing: a new synthesis, and unticking Binnenstad takes it out of the theme.
        var path = $"/coordinatie/themas/{theme.Id}";
        var edited = await hanna.SubmitAsync(path, path, new Dictionary<string, string> { ["Title"] = "Tolken", ["Synthesis"] = "Herzien.", ["Ids"] = ondiep.ToString() });
        Assert.Contains("Het thema is opgeslagen.", edited.Text, StringComparison.Ordinal);
        Assert.Equal(1, RowsOf(edited.Html));
        var list = await hanna.OpenAsync("/coordinatie/themas");
        Assert.Contains($"href=\"/coordinatie/themas/{theme.Id}\">Tolken</a>", list.Html, StringComparison.Ordinal);
    }

    private static int RowsOf(string html) => Regex.Count(html, "data-testid=\"recommendation-row\"");

    /// <summary>A cell of the matrix table: its pillar (row), its wijk (column) and the count.</summary>
    private static Regex MatrixCells() => MatrixCellsPattern();

    [GeneratedRegex("data-pillar=\"(?<pillar>\\w+)\" data-wijk=\"(?<wijk>[^\"]+)\">(?<count>\\d+)<")]
    private static partial Regex MatrixCellsPattern();
}
