using Proeftuin.Core.Common;
using Proeftuin.Core.Professionals;
using Proeftuin.Core.Recommendations;

namespace Proeftuin.Core.Tests.Recommendations;

public sealed class Recommendation_rules
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static readonly RecommendationDetails Details = new()
    {
        Text = "Spreek één regiehouder af",
        Pillars = VisionPillar.ProfessionalCoordination | VisionPillar.ClientCentred,
        Level = RecommendationLevel.Neighbourhood,
        AddressedTo = [Discipline.FamilyWorker, Discipline.FamilyWorker, Discipline.GeneralPractitioner],
        DueDate = new DateOnly(2026, 12, 1),
    };

    private static Recommendation New() => new(Guid.NewGuid(), Guid.NewGuid(), null, null, Details, Guid.NewGuid(), Now);

    [Fact]
    public void Needs_at_least_one_pillar()
    {
        var error = Assert.Throws<DomainException>(() => new Recommendation(Guid.NewGuid(), Guid.NewGuid(), null, null, Details with { Pillars = VisionPillar.None }, Guid.NewGuid(), Now));

        Assert.Equal("recommendation.pillars", error.Code);
    }

    [Fact]
    public void Unknown_pillar_bits_are_refused() =>
        Assert.Throws<DomainException>(() => new Recommendation(Guid.NewGuid(), Guid.NewGuid(), null, null, Details with { Pillars = (VisionPillar)16 }, Guid.NewGuid(), Now));

    [Fact]
    public void Addressees_are_distinct_and_pillars_split_in_order()
    {
        var recommendation = New();

        Assert.Equal([Discipline.GeneralPractitioner, Discipline.FamilyWorker], recommendation.AddressedTo);
        Assert.Equal([VisionPillar.ClientCentred, VisionPillar.ProfessionalCoordination], VisionPillars.Split(recommendation.Pillars));
    }

    [Fact]
    public void Stale_edit_is_a_conflict_and_changes_nothing()
    {
        var recommendation = New();
        recommendation.Edit(1, Details with { Text = "Eerste wijziging" }, Now);

        var error = Assert.Throws<DomainException>(() => recommendation.Edit(1, Details with { Text = "Verouderd" }, Now));

        Assert.Equal("recommendation.conflict", error.Code);
        Assert.Equal("Eerste wijziging", recommendation.Text);
        Assert.Equal(2, recommendation.Version);
    }

    [Theory]
    [InlineData(RecommendationStatus.Proposed, RecommendationStatus.Agreed, true)]
    [InlineData(RecommendationStatus.Agreed, RecommendationStatus.InProgress, true)]
    [InlineData(RecommendationStatus.InProgress, RecommendationStatus.Done, true)]
    [InlineData(RecommendationStatus.Proposed, RecommendationStatus.Dropped, true)]
    [InlineData(RecommendationStatus.Dropped, RecommendationStatus.Proposed, true)]
    [InlineData(RecommendationStatus.Proposed, RecommendationStatus.Done, false)]
    [InlineData(RecommendationStatus.Done, RecommendationStatus.Dropped, false)]
    [InlineData(RecommendationStatus.Done, RecommendationStatus.Proposed, false)]
    public void Status_follows_proposed_agreed_in_progress_done(RecommendationStatus from, RecommendationStatus to, bool allowed) =>
        Assert.Equal(allowed, Recommendation.IsAllowed(from, to));

    [Fact]
    public void Done_recommendation_cannot_be_edited()
    {
        var recommendation = New();
        recommendation.ChangeStatus(1, RecommendationStatus.Agreed, Now);
        recommendation.ChangeStatus(2, RecommendationStatus.Done, Now);

        Assert.Equal("recommendation.closed", Assert.Throws<DomainException>(() => recommendation.Edit(3, Details, Now)).Code);
    }

    [Fact]
    public void Overdue_when_open_past_due_date()
    {
        var recommendation = New();

        Assert.False(recommendation.IsOverdue(new DateOnly(2026, 12, 1)));
        Assert.True(recommendation.IsOverdue(new DateOnly(2026, 12, 2)));
    }

    [Theory]
    [InlineData(RecommendationStatus.Proposed, true)]
    [InlineData(RecommendationStatus.Agreed, true)]
    [InlineData(RecommendationStatus.InProgress, true)]
    [InlineData(RecommendationStatus.Done, false)]
    [InlineData(RecommendationStatus.Dropped, false)]
    public void Open_means_proposed_agreed_or_in_progress_and_only_open_can_be_overdue(RecommendationStatus status, bool open)
    {
        Assert.Equal(open, RecommendationStatuses.IsOpen(status));
        Assert.Equal(open, RecommendationStatuses.IsOverdue(status, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)));
        Assert.False(RecommendationStatuses.IsOverdue(status, null, new DateOnly(2026, 12, 2)));
        Assert.Equal(open, Recommendation.IsAllowed(status, RecommendationStatus.Dropped));
    }
}
