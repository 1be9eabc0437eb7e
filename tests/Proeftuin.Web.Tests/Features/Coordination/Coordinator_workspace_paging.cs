using System.Globalization;
using System.Text.RegularExpressions;
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
}
