using Proeftuin.Core.Agreements;
using Proeftuin.Core.Common;

namespace Proeftuin.Core.Tests.Agreements;

public sealed class Neighbourhood_agreement_rules
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static NeighbourhoodAgreement New() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Regiehouder", "Eén regiehouder per casus.", [Guid.NewGuid()], null, new DateOnly(2027, 3, 1), Now);

    [Fact]
    public void Comes_from_at_least_one_recommendation() =>
        Assert.Equal("agreement.sources", Assert.Throws<DomainException>(
            () => new NeighbourhoodAgreement(Guid.NewGuid(), Guid.NewGuid(), "Titel", "Tekst", [], null, new DateOnly(2027, 1, 1), Now)).Code);

    [Fact]
    public void Review_is_due_on_its_date_and_confirming_moves_it_forward()
    {
        var agreement = New();
        Assert.False(agreement.IsReviewDue(new DateOnly(2027, 2, 28)));
        Assert.True(agreement.IsReviewDue(new DateOnly(2027, 3, 1)));

        agreement.StartReview();
        agreement.ConfirmReview(new DateOnly(2027, 9, 1));

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.False(agreement.IsReviewDue(new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Ended_agreement_is_read_only()
    {
        var agreement = New();
        agreement.End();

        Assert.Throws<DomainException>(() => agreement.Revise("Nieuw", "Tekst", [Guid.NewGuid()], null, new DateOnly(2027, 1, 1)));
        Assert.False(agreement.IsReviewDue(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Revision_keeps_the_earlier_version_and_moves_the_version_on()
    {
        var agreement = New();
        var chair = Guid.NewGuid();

        var revision = agreement.Revise(1, "Regiehouder en vervanger", "Eén regiehouder en een vervanger per casus.", new DateOnly(2027, 6, 1), "Bij ziekte stokte het", chair, Now.AddDays(1));

        Assert.Equal(2, agreement.Version);
        Assert.Equal("Regiehouder en vervanger", agreement.Title);
        Assert.Equal((1, "Regiehouder", "Eén regiehouder per casus.", new DateOnly(2027, 3, 1)), (revision.PreviousVersion, revision.PreviousTitle, revision.PreviousText, revision.PreviousReviewDate));
        Assert.Equal((agreement.Id, "Bij ziekte stokte het", chair), (revision.AgreementId, revision.Reason, revision.RevisedById));
    }

    [Fact]
    public void Revision_based_on_an_older_version_is_refused_and_changes_nothing()
    {
        var agreement = New();
        agreement.Revise(1, "Regiehouder", "Tweede tekst.", new DateOnly(2027, 6, 1), "Eerste herziening", Guid.NewGuid(), Now);

        var error = Assert.Throws<DomainException>(() => agreement.Revise(1, "Oud formulier", "Derde tekst.", new DateOnly(2027, 6, 1), "Te laat", Guid.NewGuid(), Now));

        Assert.Equal("agreement.conflict", error.Code);
        Assert.StartsWith("Iemand anders heeft deze afspraak intussen gewijzigd", error.Message, StringComparison.Ordinal);
        Assert.Equal(("Tweede tekst.", 2), (agreement.Text, agreement.Version));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public void Revision_needs_a_reason(string? reason)
    {
        var agreement = New();

        Assert.Equal("agreement.reason", Assert.Throws<DomainException>(
            () => agreement.Revise(1, "Nieuw", "Tekst", new DateOnly(2027, 6, 1), reason!, Guid.NewGuid(), Now)).Code);
        Assert.Equal(("Regiehouder", 1), (agreement.Title, agreement.Version));
    }

    [Fact]
    public void Reason_is_at_most_500_characters() =>
        Assert.Equal("agreement.reason", Assert.Throws<DomainException>(
            () => New().Revise(1, "Nieuw", "Tekst", new DateOnly(2027, 6, 1), new string('r', AgreementRevision.MaxReasonLength + 1), Guid.NewGuid(), Now)).Code);
}
