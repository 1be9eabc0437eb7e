using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Core.Tests.Meetings;

public sealed class Writing_round_rules
{
    private static readonly DateTime Start = new(2026, 12, 10, 11, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Neighbourhood = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Bram = Guid.NewGuid();

    private static Meeting LiveMeeting()
    {
        var meeting = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking", Start, Anna);
        meeting.AddToAgenda(Guid.NewGuid(), new CaseFile(Guid.NewGuid(), Neighbourhood, CaseCode.Create("OND", 2026, 1), "Casus", AgeBand.Child, [], Anna, Start), 30);
        meeting.Start(Start);
        return meeting;
    }

    [Fact]
    public void A_round_opens_only_in_a_live_meeting_on_its_current_item()
    {
        var planned = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking", Start, Anna);
        var live = LiveMeeting();

        var error = Assert.Throws<DomainException>(() => new WritingRound(Guid.NewGuid(), planned, "Wat valt je op?", Start));
        var round = new WritingRound(Guid.NewGuid(), live, "Wat valt je op?", Start);

        Assert.Equal("round.meeting", error.Code);
        Assert.Equal(live.CurrentAgendaItemId, round.AgendaItemId);
    }

    [Fact]
    public void Before_the_reveal_each_author_sees_only_their_own_answer_and_rewriting_replaces_it()
    {
        var round = new WritingRound(Guid.NewGuid(), LiveMeeting(), "Wat valt je op?", Start);
        round.Write(Anna, "Eerste gedachte", Start);
        round.Write(Anna, "Betere gedachte", Start.AddMinutes(1));
        round.Write(Bram, "Iets anders", Start.AddMinutes(2));

        Assert.Equal("Betere gedachte", Assert.Single(round.VisibleTo(Anna)).Text);
        Assert.Equal("Iets anders", Assert.Single(round.VisibleTo(Bram)).Text);
        Assert.Empty(round.VisibleTo(Guid.NewGuid()));
        Assert.Equal(2, round.Entries.Count);
    }

    [Fact]
    public void After_the_reveal_everyone_sees_every_answer_and_nobody_can_write()
    {
        var round = new WritingRound(Guid.NewGuid(), LiveMeeting(), "Wat valt je op?", Start);
        round.Write(Anna, "Gedachte", Start);
        round.Reveal(Start.AddMinutes(5));

        var error = Assert.Throws<DomainException>(() => round.Write(Bram, "Te laat", Start.AddMinutes(6)));

        Assert.Single(round.VisibleTo(Guid.NewGuid()));
        Assert.Equal("round.revealed", error.Code);
        Assert.Equal("round.revealed", Assert.Throws<DomainException>(() => round.Reveal(Start.AddMinutes(7))).Code);
    }

    [Fact]
    public void An_empty_answer_is_refused()
    {
        var round = new WritingRound(Guid.NewGuid(), LiveMeeting(), "Wat valt je op?", Start);

        Assert.Equal("round.entry", Assert.Throws<DomainException>(() => round.Write(Anna, "  ", Start)).Code);
    }
}
