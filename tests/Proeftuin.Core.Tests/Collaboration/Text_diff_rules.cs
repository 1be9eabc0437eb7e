using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

public sealed class Text_diff_rules
{
    [Fact]
    public void A_changed_word_is_one_word_deleted_and_one_inserted()
    {
        var diff = TextDiff.Between("De moeder belt de school.", "De vader belt de school.");

        Assert.Equal(
            [new(DiffKind.Unchanged, "De "), new(DiffKind.Deleted, "moeder"), new(DiffKind.Inserted, "vader"), new DiffSegment(DiffKind.Unchanged, " belt de school.")],
            diff.Segments);
    }

    [Fact]
    public void Equal_texts_have_no_changes()
    {
        var diff = TextDiff.Between("# Casus\n\nTekst.", "# Casus\n\nTekst.");

        Assert.False(diff.HasChanges);
        Assert.True(diff.ToOperation().IsNoop);
    }

    [Fact]
    public void Insertions_and_deletions_in_several_places_are_marked_where_they_are()
    {
        var diff = TextDiff.Between("een twee drie vier", "nul een drie vier vijf");

        Assert.Equal("nul ", Assert.Single(diff.Segments, s => s.Kind == DiffKind.Inserted && s.Text.StartsWith("nul", StringComparison.Ordinal)).Text);
        Assert.Contains(diff.Segments, s => s.Kind == DiffKind.Deleted && s.Text.Contains("twee", StringComparison.Ordinal));
        Assert.Equal(" vijf", diff.Segments[^1].Text);
        Assert.Equal(DiffKind.Inserted, diff.Segments[^1].Kind);
    }

    [Theory]
    [InlineData("", "Nieuwe tekst")]
    [InlineData("Oude tekst", "")]
    [InlineData("Jongen van 14 😀 op school", "Jongen 😀 van [leeftijd] op de school\n\n- punt")]
    [InlineData("a b c d e f g", "g f e d c b a")]
    public void The_operation_turns_the_old_text_into_the_new(string oldText, string newText)
    {
        var diff = TextDiff.Between(oldText, newText);

        Assert.Equal(newText, diff.ToOperation().Apply(oldText));
        Assert.Equal(oldText, string.Concat(diff.Segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal(newText, string.Concat(diff.Segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Random_edits_round_trip_through_the_operation()
    {
        var random = new Random(17);
        string[] words = ["de", "het", "kind", "school", " ", "\n", ".", ",", "moeder", "wijk", "Ahmed"];
        string Make() => string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => words[random.Next(words.Length)]));
        for (var i = 0; i < 300; i++)
        {
            var (oldText, newText) = (Make(), Make());

            Assert.Equal(newText, TextDiff.Between(oldText, newText).ToOperation().Apply(oldText));
        }
    }

    [Fact]
    public void A_text_rewritten_past_the_edit_limit_is_one_deletion_and_one_insertion()
    {
        var oldText = string.Join(' ', Enumerable.Range(0, TextDiff.MaxEdits).Select(i => $"a{i}"));
        var newText = string.Join(' ', Enumerable.Range(0, TextDiff.MaxEdits).Select(i => $"b{i}"));

        var diff = TextDiff.Between(oldText, newText);

        Assert.Equal([DiffKind.Deleted, DiffKind.Inserted], diff.Segments.Select(s => s.Kind));
        Assert.Equal(newText, diff.ToOperation().Apply(oldText));
    }
}
