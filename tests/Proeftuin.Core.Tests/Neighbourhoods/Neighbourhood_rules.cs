using Proeftuin.Core.Common;
using Proeftuin.Core.Neighbourhoods;

namespace Proeftuin.Core.Tests.Neighbourhoods;

public sealed class Neighbourhood_rules
{
    [Fact]
    public void The_slug_follows_the_name_unless_one_is_given_and_the_prefix_is_upper_case()
    {
        var derived = new Neighbourhood(Guid.NewGuid(), "  Leidsche Rijn ", "lr");
        var own = new Neighbourhood(Guid.NewGuid(), "Leidsche Rijn Centrum", "lrc", "OND");

        Assert.Equal(("Leidsche Rijn", "leidsche-rijn", "LR"), (derived.Name, derived.Slug, derived.CaseCodePrefix));
        Assert.Equal(("lrc", "OND"), (own.Slug, own.CaseCodePrefix));
    }

    [Theory]
    [InlineData("Leidsche Rijn")]
    [InlineData("leidsche_rijn")]
    [InlineData("-leidsche")]
    [InlineData("leidsche-")]
    [InlineData("leidsche--rijn")]
    [InlineData("wijk/../admin")]
    public void A_slug_is_lower_case_letters_digits_and_single_hyphens(string slug)
    {
        var error = Assert.Throws<DomainException>(() => new Neighbourhood(Guid.NewGuid(), "Leidsche Rijn", slug, "LR"));

        Assert.Equal("neighbourhood.slug", error.Code);
    }

    [Fact]
    public void A_refused_rename_leaves_name_and_slug_as_they_were()
    {
        var neighbourhood = new Neighbourhood(Guid.NewGuid(), "Ondiep", "OND");

        Assert.Throws<DomainException>(() => neighbourhood.Rename("Ondiep Noord", "Ondiep Noord"));
        Assert.Throws<DomainException>(() => neighbourhood.Rename(" ", "ondiep-noord"));
        neighbourhood.Rename("Ondiep Noord", null);

        Assert.Equal(("Ondiep Noord", "ondiep-noord"), (neighbourhood.Name, neighbourhood.Slug));
    }

    [Theory]
    [InlineData("O")]
    [InlineData("ONDIE")]
    [InlineData("O1")]
    [InlineData("")]
    public void A_prefix_is_two_to_four_capital_letters(string prefix)
    {
        var neighbourhood = new Neighbourhood(Guid.NewGuid(), "Ondiep", "OND");

        var error = Assert.Throws<DomainException>(() => neighbourhood.ChangeCaseCodePrefix(prefix));

        Assert.Equal("neighbourhood.prefix", error.Code);
        Assert.Equal("OND", neighbourhood.CaseCodePrefix);
    }
}
