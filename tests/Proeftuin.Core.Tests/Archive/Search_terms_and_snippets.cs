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
