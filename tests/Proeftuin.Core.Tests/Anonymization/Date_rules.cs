using Proeftuin.Core.Anonymization;

namespace Proeftuin.Core.Tests.Anonymization;

public sealed class Date_rules
{
    [Theory]
    [InlineData("geboren 14-02-2011, wonend", "14-02-2011")]
    [InlineData("op 3/3/24 ivm", "3/3/24")]
    [InlineData("geb. 08.04.2008 verwezen", "08.04.2008")]
    [InlineData("geb. 2010-05-17, 14 jaar", "2010-05-17")]
    [InlineData("Hij werd op 12 september 2023 door", "12 september 2023")]
    [InlineData("sinds 1 oktober wonen ze", "1 oktober")]
    [InlineData("geboren 11 mrt 2008.", "11 mrt 2008")]
    [InlineData("vrijdag 14 juni, daar", "14 juni")]
    [InlineData("belde mij op 21-11: Imane", "21-11")]
    [InlineData("spreekuur wo 5/6 – tijn", "5/6")]
    public void Dutch_date_notations(string text, string expected) =>
        Assert.Equal([expected], Scan.Texts(text, Category.Date));

    [Theory]
    [InlineData("sinds 2019 woont hij hier")]
    [InlineData("in maart ging het mis")]
    [InlineData("SDQ-score 3/5 en 12-18 jaar")]
    [InlineData("om 9.05 uur begint school")]
    [InlineData("drie keer per week")]
    public void Years_months_scores_and_times_are_not_dates(string text) =>
        Assert.Empty(Scan.Texts(text, Category.Date));
}
