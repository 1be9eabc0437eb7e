using Proeftuin.Core.Archive;

namespace Proeftuin.Core.Tests.Archive;

/// <summary>
/// The expected stems are what PostgreSQL's Snowball 'dutch' stemmer gives (ts_lexize('dutch_stem', word)), so both
/// databases index the same stems.
/// </summary>
public sealed class Dutch_stemmer
{
    [Theory]
    [InlineData("angst", "angst")]
    [InlineData("angsten", "angst")]
    [InlineData("angstig", "angstig")]
    [InlineData("angstige", "angstig")]
    [InlineData("gezin", "gezin")]
    [InlineData("gezinnen", "gezinn")]
    [InlineData("huilbui", "huilbui")]
    [InlineData("huilbuien", "huilbui")]
    [InlineData("ouders", "ouder")]
    [InlineData("Ouder", "ouder")]
    [InlineData("slapen", "slap")]
    [InlineData("slaap", "slap")]
    [InlineData("kinderen", "kinder")]
    [InlineData("somberheid", "somber")]
    [InlineData("lichamelijk", "licham")]
    [InlineData("vriendelijkheid", "vriendelijk")]
    [InlineData("verantwoordelijkheid", "verantwoord")]
    [InlineData("moeilijkheden", "moeilijk")]
    [InlineData("heden", "heden")]
    [InlineData("maan", "man")]
    [InlineData("brood", "brod")]
    [InlineData("zwemmen", "zwemm")]
    [InlineData("gemeenten", "gemeent")]
    [InlineData("opgenomen", "opgenom")]
    [InlineData("afspraken", "afsprak")]
    [InlineData("huisarts", "huisart")]
    [InlineData("huisartsen", "huisarts")]
    [InlineData("paniekklachten", "paniekklacht")]
    [InlineData("spanning", "spanning")]
    [InlineData("lopende", "lopend")]
    [InlineData("kopje", "kopj")]
    [InlineData("mooie", "mooi")]
    [InlineData("kinderachtig", "kinderacht")]
    [InlineData("beëindigd", "beeindigd")]
    [InlineData("ideeën", "ideeen")]
    [InlineData("yoghurt", "yoghurt")]
    [InlineData("schoolverzuim", "schoolverzuim")]
    public void Stems_like_snowball_dutch(string word, string stem) => Assert.Equal(stem, DutchStemmer.Stem(word));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ja")]
    public void Short_words_stay_as_they_are(string word) => Assert.Equal(word, DutchStemmer.Stem(word));
}
