using Proeftuin.Core.Anonymization;
using Proeftuin.Core.Anonymization.Rules;

namespace Proeftuin.Core.Tests.Anonymization;

public sealed class Vocabulary_across_scans
{
    private const string Text = "Moeder vertelt dat Kwabena Mensah slecht slaapt sinds de verhuizing. Kwabena gaat naar school in de wijk.";

    [Fact]
    public void Ordinary_words_are_kept_and_names_and_unknown_words_never()
    {
        AnonymizationDetector.Default.Scan(Text);

        Assert.True(Vocabulary.Holds("slaapt"));
        Assert.True(Vocabulary.Holds("verhuizing"));
        Assert.False(Vocabulary.Holds("Kwabena"));
        Assert.False(Vocabulary.Holds("Mensah"));
    }

    [Fact]
    public void A_second_scan_of_the_same_text_finds_the_same()
    {
        var first = AnonymizationDetector.Default.Scan(Text);
        var second = AnonymizationDetector.Default.Scan(Text);

        Assert.Equal(first, second);
        Assert.Contains(first, f => f.Category == Category.Person && Text[f.Start..f.End] == "Kwabena Mensah");
    }
}
