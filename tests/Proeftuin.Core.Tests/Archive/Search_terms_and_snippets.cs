using Proeftuin.Core.Archive;

namespace Proeftuin.Core.Tests.Archive;

public sealed class Search_terms_and_snippets
{
    [Fact]
    public void Terms_are_stems_without_stop_words()
    {
        Assert.Equal(["angst", "slap"], SearchTerms.From("Angsten bij het slapen, angst").Stems);
        Assert.True(SearchTerms.From("de het een").IsEmpty);
        Assert.True(SearchTerms.From("  \"-*  ").IsEmpty);
    }

    [Fact]
    public void A_stem_matches_longer_words_that_start_with_it()
    {
        var terms = SearchTerms.From("angst");
        Assert.True(terms.Matches("angstig"));
        Assert.True(terms.Matches("Angststoornis"));
        Assert.False(terms.Matches("bang"));
    }

    [Theory]
    [InlineData("gezinn", "gezin")]
    [InlineData("buss", "bus")]
    [InlineData("zuss", "zus")]
    [InlineData("pill", "pil")]
    [InlineData("klass", "klas")]
    [InlineData("zwemm", "zwem")]
    [InlineData("angstig", "angstig")]
    [InlineData("gezin", "gezin")]
    [InlineData("all", "all")]
    [InlineData("bb", "bb")]
    [InlineData("heee", "heee")]
    [InlineData("2011", "2011")]
    [InlineData("klasss", "klass")]
    public void A_final_doubled_consonant_is_undoubled_when_three_letters_remain(string stem, string prefix) =>
        Assert.Equal(prefix, SearchTerms.Prefix(stem));

    [Theory]
    [InlineData("gezinnen", "gezin")]
    [InlineData("bussen", "bus")]
    [InlineData("zussen", "zus")]
    [InlineData("pillen", "pil")]
    [InlineData("klassen", "klas")]
    public void A_plural_with_a_doubled_consonant_finds_the_singular(string plural, string singular)
    {
        var terms = SearchTerms.From(plural);

        Assert.Equal([singular], terms.Prefixes);
        Assert.True(terms.Matches(singular));
        Assert.True(terms.Matches(plural));
        Assert.True(SearchTerms.From(singular).Matches(plural));
    }

    [Fact]
    public void Prefixes_keep_other_stems_and_drop_duplicates()
    {
        var terms = SearchTerms.From("gezinnen gezin angstig alle");

        Assert.Equal(["gezinn", "gezin", "angstig", "all"], terms.Stems);
        Assert.Equal(["gezin", "angstig", "all"], terms.Prefixes);
        Assert.True(SearchTerms.From("angst").Matches("angstig"));
        Assert.True(SearchTerms.From("angstig").Matches("angstige"));
        Assert.False(SearchTerms.From("alle").Matches("al"));
    }

    [Fact]
    public void Snippet_marks_the_singular_and_the_plural_for_a_plural_with_a_doubled_consonant()
    {
        var snippet = SnippetHighlighter.Highlight("Het gezin en andere gezinnen; de gezinsleden.", SearchTerms.From("gezinnen"));

        Assert.Equal("Het <mark>gezin</mark> en andere <mark>gezinnen</mark>; de <mark>gezinsleden</mark>.", snippet.Html);
        Assert.Equal(3, snippet.MatchCount);
    }

    [Fact]
    public void Snippet_marks_the_matching_words_and_encodes_the_rest()
    {
        var snippet = SnippetHighlighter.Highlight("## Hulpvraag\n\nHij is **angstig** <b>&</b> huilt; angst om school.", SearchTerms.From("angst"));

        Assert.Equal("Hulpvraag Hij is <mark>angstig</mark> &lt;b&gt;&amp;&lt;/b&gt; huilt; <mark>angst</mark> om school.", snippet.Html);
        Assert.Equal(2, snippet.MatchCount);
    }

    [Fact]
    public void A_long_text_is_cut_around_the_first_match()
    {
        var text = string.Join(' ', Enumerable.Repeat("woord", 100)) + " angstig " + string.Join(' ', Enumerable.Repeat("einde", 100));

        var snippet = SnippetHighlighter.Highlight(text, SearchTerms.From("angst"), maxLength: 120);

        Assert.StartsWith("…woord", snippet.Html, StringComparison.Ordinal);
        Assert.EndsWith("einde…", snippet.Html, StringComparison.Ordinal);
        Assert.Contains("<mark>angstig</mark>", snippet.Html, StringComparison.Ordinal);
        Assert.True(snippet.Html.Length < 160);
    }
}
