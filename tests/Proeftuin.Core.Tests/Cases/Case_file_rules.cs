using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;

namespace Proeftuin.Core.Tests.Cases;

public sealed class Case_file_rules
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static CaseFile NewCase() =>
        new(Guid.NewGuid(), Guid.NewGuid(), CaseCode.Create("OND", 2026, 7), "Meisje met buikpijn", AgeBand.Child, ["angst", "Angst", " school "], Guid.NewGuid(), Now);

    [Fact]
    public void New_case_is_a_draft_with_the_utrecht_template()
    {
        var caseFile = NewCase();

        Assert.Equal(CaseStatus.Draft, caseFile.Status);
        Assert.Equal("OND-2026-007", caseFile.Code);
        Assert.Equal(["angst", "school"], caseFile.Themes);
        Assert.All(CaseTemplate.SectionHeadings, h => Assert.Contains("## " + h, caseFile.Text, StringComparison.Ordinal));
        Assert.Contains("## Mogelijkheden van jeugdige en gezin", caseFile.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_with_open_anonymisation_findings_cannot_become_ready()
    {
        var caseFile = NewCase();

        var error = Assert.Throws<DomainException>(() => caseFile.MarkReadyForDiscussion(2, Now));

        Assert.Equal("case.anonymization.open", error.Code);
        Assert.Equal(CaseStatus.Draft, caseFile.Status);
    }

    [Fact]
    public void Status_moves_draft_ready_discussed_archived_and_archive_is_read_only()
    {
        var caseFile = NewCase();

        caseFile.MarkReadyForDiscussion(0, Now);
        caseFile.MarkDiscussed(Now);
        caseFile.Archive(Now);

        Assert.Equal(CaseStatus.Archived, caseFile.Status);
        Assert.Throws<DomainException>(() => caseFile.RecordText("nieuw", 1, Now));
        Assert.Throws<DomainException>(() => caseFile.UpdateDetails("Nieuw", AgeBand.Child, [], Now));
    }

    [Fact]
    public void Draft_cannot_be_archived_or_discussed()
    {
        var caseFile = NewCase();

        Assert.Throws<DomainException>(() => caseFile.Archive(Now));
        Assert.Throws<DomainException>(() => caseFile.MarkDiscussed(Now));
    }

    [Fact]
    public void Ready_case_can_return_to_draft()
    {
        var caseFile = NewCase();
        caseFile.MarkReadyForDiscussion(0, Now);

        caseFile.ReturnToDraft(Now);

        Assert.Equal(CaseStatus.Draft, caseFile.Status);
    }

    [Fact]
    public void Text_snapshot_never_moves_back_in_revision()
    {
        var caseFile = NewCase();
        caseFile.RecordText("versie 5", 5, Now);

        Assert.Throws<DomainException>(() => caseFile.RecordText("versie 4", 4, Now));
        Assert.Equal("versie 5", caseFile.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Title_is_required(string title) =>
        Assert.Throws<DomainException>(() => new CaseFile(Guid.NewGuid(), Guid.NewGuid(), CaseCode.Create("OND", 2026, 1), title, AgeBand.Child, [], Guid.NewGuid(), Now));

    [Fact]
    public void At_most_ten_themes()
    {
        var themes = Enumerable.Range(1, 11).Select(i => $"thema {i}");

        Assert.Throws<DomainException>(() => new CaseFile(Guid.NewGuid(), Guid.NewGuid(), CaseCode.Create("OND", 2026, 1), "Titel", AgeBand.Child, themes, Guid.NewGuid(), Now));
    }

    [Fact]
    public void Local_times_are_refused() =>
        Assert.Throws<ArgumentException>(() => new CaseFile(Guid.NewGuid(), Guid.NewGuid(), CaseCode.Create("OND", 2026, 1), "Titel", AgeBand.Child, [], Guid.NewGuid(), DateTime.Now));
}
