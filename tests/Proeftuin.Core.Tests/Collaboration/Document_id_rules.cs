using Proeftuin.Core.Collaboration;

namespace Proeftuin.Core.Tests.Collaboration;

public sealed class Document_id_rules
{
    private static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void Case_and_minutes_ids_have_one_canonical_form_that_round_trips()
    {
        Assert.Equal("case:0f8fad5bd9cb469fa16570867728950e", DocumentId.ForCase(Id).ToString());
        Assert.Equal("minutes:0f8fad5bd9cb469fa16570867728950e", DocumentId.ForMinutes(Id).ToString());
        Assert.True(DocumentId.TryParse("minutes:0f8fad5bd9cb469fa16570867728950e", out var parsed));
        Assert.Equal(DocumentId.ForMinutes(Id), parsed);
        Assert.Equal(DocumentKind.Minutes, parsed.Kind);
        Assert.Equal(Id, parsed.Id);
    }

    [Theory]
    [InlineData("case:0F8FAD5BD9CB469FA16570867728950E")]
    [InlineData("case:0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("case:{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    [InlineData("case:(0f8fad5bd9cb469fa16570867728950e)")]
    [InlineData("Case:0f8fad5bd9cb469fa16570867728950e")]
    [InlineData(" case:0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("case:0f8fad5bd9cb469fa16570867728950e ")]
    [InlineData("case:0x0f8fad5bd9cb469fa16570867728950")]
    [InlineData("notes:0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("case:")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_spelling_is_refused(string? value)
    {
        Assert.False(DocumentId.TryParse(value, out _));
    }
}
