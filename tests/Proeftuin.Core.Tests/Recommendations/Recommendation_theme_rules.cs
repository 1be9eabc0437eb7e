using Proeftuin.Core.Common;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Core.Tests.Recommendations;

public sealed class Recommendation_theme_rules
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Needs_a_title_and_at_least_one_recommendation()
    {
        Assert.Equal("theme.title", Assert.Throws<DomainException>(() => new RecommendationTheme(Guid.NewGuid(), "  ", null, [Guid.NewGuid()], Guid.NewGuid(), Now)).Code);
        Assert.Equal("theme.recommendations", Assert.Throws<DomainException>(() => new RecommendationTheme(Guid.NewGuid(), "Tolken", null, [], Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void Synthesis_is_optional_but_at_most_4000_characters()
    {
        var theme = new RecommendationTheme(Guid.NewGuid(), " Tolken ", null, [Guid.NewGuid()], Guid.NewGuid(), Now);

        Assert.Equal("Tolken", theme.Title);
        Assert.Equal(string.Empty, theme.Synthesis);
        theme.Describe("Tolken", new string('x', RecommendationTheme.MaxSynthesisLength), Now);
        Assert.Equal("theme.synthesis", Assert.Throws<DomainException>(() => theme.Describe("Tolken", new string('x', RecommendationTheme.MaxSynthesisLength + 1), Now)).Code);
    }

    [Fact]
    public void Regrouping_keeps_each_recommendation_once_and_never_empties_the_theme()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var theme = new RecommendationTheme(Guid.NewGuid(), "Tolken", null, [a, b, a], Guid.NewGuid(), Now);

        Assert.Equal([a, b], theme.RecommendationIds);
        theme.Regroup([b], Now.AddHours(1));
        Assert.Equal([b], theme.RecommendationIds);
        Assert.Equal(Now.AddHours(1), theme.UpdatedAtUtc);
        Assert.Throws<DomainException>(() => theme.Regroup([], Now));
        Assert.Equal([b], theme.RecommendationIds);
    }
}
