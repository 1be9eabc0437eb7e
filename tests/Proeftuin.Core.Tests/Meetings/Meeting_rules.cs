using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Core.Tests.Meetings;

public sealed class Meeting_rules
{
    private static readonly DateTime Start = new(2026, 12, 10, 11, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Wijk = Guid.NewGuid();
    private static readonly Guid Chair = Guid.NewGuid();

    private static CaseFile Case(int number, Guid? wijk = null) =>
        new(Guid.NewGuid(), wijk ?? Wijk, CaseCode.Create("OND", 2026, number), $"Casus {number}", AgeBand.Child, [], Chair, Start);

    private static Meeting PlannedWithTwoCases()
    {
        var meeting = new Meeting(Guid.NewGuid(), Wijk, "Bespreking december", Start, Chair);
        meeting.AddToAgenda(Guid.NewGuid(), Case(1), 30);
        meeting.AddToAgenda(Guid.NewGuid(), Case(2), 20);
        return meeting;
    }

    [Fact]
    public void Only_cases_of_the_own_wijk_go_on_the_agenda()
    {
        var meeting = new Meeting(Guid.NewGuid(), Wijk, "Bespreking", Start, Chair);

        var error = Assert.Throws<DomainException>(() => meeting.AddToAgenda(Guid.NewGuid(), Case(1, Guid.NewGuid()), 30));

        Assert.Equal("meeting.agenda.neighbourhood", error.Code);
    }

    [Fact]
    public void A_case_is_on_the_agenda_once()
    {
        var meeting = new Meeting(Guid.NewGuid(), Wijk, "Bespreking", Start, Chair);
        var caseFile = Case(1);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);

        Assert.Throws<DomainException>(() => meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(121)]
    public void Timebox_is_between_5_and_120_minutes(int minutes)
    {
        var meeting = new Meeting(Guid.NewGuid(), Wijk, "Bespreking", Start, Chair);

        Assert.Throws<DomainException>(() => meeting.AddToAgenda(Guid.NewGuid(), Case(1), minutes));
    }

    [Fact]
    public void Meeting_without_agenda_cannot_start()
    {
        var meeting = new Meeting(Guid.NewGuid(), Wijk, "Bespreking", Start, Chair);

        Assert.Equal("meeting.agenda.empty", Assert.Throws<DomainException>(() => meeting.Start(Start)).Code);
    }

    [Fact]
    public void Phases_run_inbreng_to_evaluatie_then_the_next_item()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);
        var first = meeting.CurrentItem!;

        var phases = new List<MeetingPhase> { first.Phase };
        for (var i = 0; i < 4; i++)
        {
            meeting.AdvancePhase(Start);
            phases.Add(meeting.CurrentItem!.Phase);
        }

        meeting.AdvancePhase(Start);

        Assert.Equal(Enum.GetValues<MeetingPhase>(), phases);
        Assert.NotEqual(first.Id, meeting.CurrentItem!.Id);
        Assert.Equal(MeetingPhase.Presentation, meeting.CurrentItem.Phase);
    }

    [Fact]
    public void Last_phase_of_last_item_asks_to_close()
    {
        var meeting = new Meeting(Guid.NewGuid(), Wijk, "Bespreking", Start, Chair);
        meeting.AddToAgenda(Guid.NewGuid(), Case(1), 30);
        meeting.Start(Start);
        for (var i = 0; i < 4; i++)
        {
            meeting.AdvancePhase(Start);
        }

        Assert.Equal("meeting.agenda.end", Assert.Throws<DomainException>(() => meeting.AdvancePhase(Start)).Code);
    }

    [Fact]
    public void Timer_counts_down_from_server_time_and_pauses()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);

        meeting.StartTimer(Start);
        meeting.PauseTimer(Start.AddMinutes(10));
        var paused = meeting.CurrentItem!.Remaining(Start.AddMinutes(50));
        meeting.StartTimer(Start.AddMinutes(50));
        meeting.ExtendTimer(5);

        Assert.Equal(TimeSpan.FromMinutes(20), paused);
        Assert.Equal(TimeSpan.FromMinutes(20), meeting.CurrentItem.Remaining(Start.AddMinutes(55)));
    }

    [Fact]
    public void Closing_is_refused_while_anonymisation_findings_are_open()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);

        Assert.Equal("meeting.anonymization.open", Assert.Throws<DomainException>(() => meeting.Close(1, Start)).Code);
        Assert.Equal(MeetingStatus.Live, meeting.Status);
    }

    [Fact]
    public void Closed_meeting_cannot_be_edited()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);
        meeting.Close(0, Start.AddHours(1));

        Assert.Equal("meeting.closed", Assert.Throws<DomainException>(() => meeting.AddToAgenda(Guid.NewGuid(), Case(3), 30)).Code);
        Assert.Equal("meeting.closed", Assert.Throws<DomainException>(() => meeting.AdvancePhase(Start)).Code);
        Assert.Equal("meeting.closed", Assert.Throws<DomainException>(() => meeting.RecordAttendance(Guid.NewGuid(), Start)).Code);
        Assert.Equal("meeting.closed", Assert.Throws<DomainException>(() => meeting.Reschedule("Nieuw", Start)).Code);
    }

    [Fact]
    public void Attendance_is_recorded_once_per_professional()
    {
        var meeting = PlannedWithTwoCases();
        var member = Guid.NewGuid();

        Assert.True(meeting.RecordAttendance(member, Start));
        Assert.False(meeting.RecordAttendance(member, Start.AddMinutes(5)));
        Assert.Single(meeting.Attendance);
    }

    [Fact]
    public void Only_attendees_rate_a_meeting_from_1_to_10()
    {
        var meeting = PlannedWithTwoCases();
        var member = Guid.NewGuid();
        meeting.Start(Start);
        meeting.RecordAttendance(member, Start);
        meeting.Close(0, Start.AddHours(1));

        var evaluation = meeting.Evaluate(Guid.NewGuid(), member, 8, "Nuttig", Start.AddHours(1));

        Assert.Equal(8, evaluation.Score);
        Assert.Throws<DomainException>(() => meeting.Evaluate(Guid.NewGuid(), Guid.NewGuid(), 8, null, Start));
        Assert.Throws<DomainException>(() => meeting.Evaluate(Guid.NewGuid(), member, 11, null, Start));
        Assert.Throws<DomainException>(() => meeting.Evaluate(Guid.NewGuid(), member, 0, null, Start));
    }

    [Fact]
    public void Removing_an_item_renumbers_the_agenda()
    {
        var meeting = PlannedWithTwoCases();

        meeting.RemoveFromAgenda(meeting.Agenda[0].Id);

        Assert.Equal(1, Assert.Single(meeting.Agenda).Position);
    }
}
