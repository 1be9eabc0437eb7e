using System.Globalization;
using System.Text.RegularExpressions;
using Proeftuin.Web.Infrastructure.Localization;
using Proeftuin.Web.Tests.Infrastructure;
using static Proeftuin.Web.Tests.Features.Coordination.CoordinationTestData;

namespace Proeftuin.Web.Tests.Features.Coordination;

/// <summary>Long result lists come 50 a page, newest first, and the pager keeps the filters.</summary>
public sealed class Coordinator_workspace_paging(ProeftuinWebFactory factory) : IClassFixture<ProeftuinWebFactory>
{
    [Fact]
    public async Task Results_are_paged_by_fifty_newest_first_and_the_pager_keeps_the_filter()
    {
        for (var i = 0; i < 55; i++)
        {
            await factory.AddRecommendationAsync("binnenstad", "Paginatest " + i.ToString("00", CultureInfo.InvariantCulture));
        }

        using var hanna = await factory.SignedInAsync(Coordinator);

        var first = await hanna.OpenAsync("/coordinatie?text=paginatest");
        var second = await hanna.OpenAsync("/coordinatie?text=paginatest&page=2");
        var english = await hanna.OpenAsync("/coordinatie?text=paginatest&culture=en-GB&ui-culture=en-GB");

        Assert.Equal(50, Regex.Count(first.Html, "data-testid=\"recommendation-row\""));
        Assert.Contains("55 aanbevelingen gevonden", first.Text, StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van 2", first.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"/coordinatie?text=paginatest&amp;page=2\"", first.Html, StringComparison.Ordinal);
        Assert.True(first.Html.IndexOf("Paginatest 54", StringComparison.Ordinal) < first.Html.IndexOf("Paginatest 53", StringComparison.Ordinal));
        Assert.DoesNotContain("Paginatest 04", first.Html, StringComparison.Ordinal);

        Assert.Equal(5, Regex.Count(second.Html, "data-testid=\"recommendation-row\""));
        Assert.Contains("Paginatest 00", second.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/coordinatie?text=paginatest\"", second.Html, StringComparison.Ordinal);

        Assert.Contains("55 recommendations found.", english.Text, StringComparison.Ordinal);
        Assert.Contains(">Preconditions<", english.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_up_counts_every_open_one_and_shows_the_fifty_most_urgent()
    {
        // "Overdue" is decided on the Amsterdam date, as the page does.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, AmsterdamTime.Zone));
        for (var i = 0; i < 53; i++)
        {
            // Due dates from 10 days ago onwards: the first ten are overdue.
            await factory.AddRecommendationAsync("ondiep", "Opvolgtest " + i.ToString("00", CultureInfo.InvariantCulture), today.AddDays(i - 10));
        }

        using var hanna = await factory.SignedInAsync(Coordinator);
        var page = await hanna.OpenAsync("/coordinatie?text=opvolgtest");

        Assert.Contains("Open met een eigenaar of deadline: 53, waarvan 10 over de deadline.", page.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"follow-up-more\"", page.Html, StringComparison.Ordinal);
        var followUp = page.Html[page.Html.IndexOf("data-testid=\"follow-up-table\"", StringComparison.Ordinal)..];
        Assert.Equal(50, Regex.Count(followUp, "data-testid=\"follow-up-row\""));
        Assert.Equal(10, Regex.Count(followUp, "data-testid=\"overdue\""));
        Assert.True(followUp.IndexOf("Opvolgtest 00", StringComparison.Ordinal) < followUp.IndexOf("Opvolgtest 01", StringComparison.Ordinal));
        Assert.DoesNotContain("Opvolgtest 50", followUp, StringComparison.Ordinal);
    }
}
