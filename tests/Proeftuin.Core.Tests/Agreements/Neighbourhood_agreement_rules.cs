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
}
