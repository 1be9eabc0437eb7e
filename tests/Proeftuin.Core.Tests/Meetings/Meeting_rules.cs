using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;
using Proeftuin.Core.Meetings;

namespace Proeftuin.Core.Tests.Meetings;

public sealed class Meeting_rules
{
    private static readonly DateTime Start = new(2026, 12, 10, 11, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Neighbourhood = Guid.NewGuid();
    private static readonly Guid Chair = Guid.NewGuid();

    private static CaseFile Case(int number, Guid? neighbourhood = null) =>
        new(Guid.NewGuid(), neighbourhood ?? Neighbourhood, CaseCode.Create("OND", 2026, number), $"Casus {number}", AgeBand.Child, [], Chair, Start);

    private static Meeting PlannedWithTwoCases()
    {
        var meeting = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking december", Start, Chair);
        meeting.AddToAgenda(Guid.NewGuid(), Case(1), 30);
        meeting.AddToAgenda(Guid.NewGuid(), Case(2), 20);
        return meeting;
    }

    [Fact]
    public void Only_cases_of_the_own_wijk_go_on_the_agenda()
    {
        var meeting = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking", Start, Chair);

        var error = Assert.Throws<DomainException>(() => meeting.AddToAgenda(Guid.NewGuid(), Case(1, Guid.NewGuid()), 30));

        Assert.Equal("meeting.agenda.neighbourhood", error.Code);
    }

    [Fact]
    public void A_case_is_on_the_agenda_once()
    {
        var meeting = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking", Start, Chair);
        var caseFile = Case(1);
        meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30);

        Assert.Throws<DomainException>(() => meeting.AddToAgenda(Guid.NewGuid(), caseFile, 30));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(121)]
    public void Timebox_is_between_5_and_120_minutes(int minutes)
    {
        var meeting = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking", Start, Chair);

        Assert.Throws<DomainException>(() => meeting.AddToAgenda(Guid.NewGuid(), Case(1), minutes));
    }

    [Fact]
    public void Meeting_without_agenda_cannot_start()
    {
        var meeting = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking", Start, Chair);

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
        var meeting = new Meeting(Guid.NewGuid(), Neighbourhood, "Bespreking", Start, Chair);
        meeting.AddToAgenda(Guid.NewGuid(), Case(1), 30);
        meeting.Start(Start);
        for (var i = 0; i < 4; i++)
        {
            meeting.AdvancePhase(Start);
        }

        Assert.Equal("meeting.agenda.end", Assert.Throws<DomainException>(() => meeting.AdvancePhase(Start)).Code);
    }

    [Fact]
    public void Timer_counts_down_the_phase_from_server_time_and_pauses()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);

        // Inbreng gets 20% of the 30-minute timebox: 6 minutes.
        meeting.StartTimer(Start);
        meeting.PauseTimer(Start.AddMinutes(2));
        var paused = meeting.CurrentItem!.Remaining(Start.AddMinutes(50));
        meeting.StartTimer(Start.AddMinutes(50));
        meeting.ExtendTimer(5);

        Assert.Equal(TimeSpan.FromMinutes(4), paused);
        Assert.Equal(TimeSpan.FromMinutes(8), meeting.CurrentItem.Remaining(Start.AddMinutes(51)));
    }

    [Fact]
    public void Each_phase_gets_its_own_timer_from_its_share_of_the_timebox()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);
        meeting.StartTimer(Start);

        meeting.AdvancePhase(Start.AddMinutes(7));

        var item = meeting.CurrentItem!;
        Assert.Equal(MeetingPhase.Clarification, item.Phase);
        Assert.True(item.IsTimerRunning);
        Assert.Equal(TimeSpan.FromMinutes(6), item.Remaining(Start.AddMinutes(7)));
        Assert.Equal(
            [6, 6, 9, 6, 3],
            Enum.GetValues<MeetingPhase>().Select(p => AgendaItem.DefaultPhaseSeconds(p, 30) / 60));
    }

    [Fact]
    public void The_chair_goes_back_a_phase_with_a_fresh_timer_but_not_before_the_first()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);
        var error = Assert.Throws<DomainException>(() => meeting.ReturnToPreviousPhase(Start));
        meeting.AdvancePhase(Start);
        meeting.AdvancePhase(Start);
        meeting.StartTimer(Start);

        meeting.ReturnToPreviousPhase(Start.AddMinutes(3));

        Assert.Equal("meeting.phase.first", error.Code);
        Assert.Equal(MeetingPhase.Clarification, meeting.CurrentItem!.Phase);
        Assert.Equal(TimeSpan.FromMinutes(6), meeting.CurrentItem.Remaining(Start.AddMinutes(3)));
    }

    [Fact]
    public void The_chair_moves_to_the_next_case_until_the_last()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);
        meeting.AdvancePhase(Start);

        var next = meeting.MoveToNextItem(Start);
        var error = Assert.Throws<DomainException>(() => meeting.MoveToNextItem(Start));

        Assert.Equal(meeting.Agenda[1].Id, next.Id);
        Assert.Equal(next.Id, meeting.CurrentAgendaItemId);
        Assert.Equal(MeetingPhase.Presentation, next.Phase);
        Assert.Equal("meeting.agenda.last", error.Code);
    }

    [Fact]
    public void An_agenda_item_moves_to_another_place_and_the_others_close_up()
    {
        var meeting = PlannedWithTwoCases();
        meeting.AddToAgenda(Guid.NewGuid(), Case(3), 15);
        var (first, second, third) = (meeting.Agenda[0].Id, meeting.Agenda[1].Id, meeting.Agenda[2].Id);

        meeting.MoveAgendaItem(third, 1);
        var error = Assert.Throws<DomainException>(() => meeting.MoveAgendaItem(first, 4));

        Assert.Equal([third, first, second], meeting.Agenda.Select(a => a.Id));
        Assert.Equal([1, 2, 3], meeting.Agenda.Select(a => a.Position));
        Assert.Equal("meeting.agenda.position", error.Code);
    }

    [Fact]
    public void A_changed_timebox_sets_the_phase_timer_before_it_ran()
    {
        var meeting = PlannedWithTwoCases();

        meeting.ChangeTimebox(meeting.Agenda[0].Id, 60);

        Assert.Equal(TimeSpan.FromMinutes(12), meeting.Agenda[0].Remaining(Start));
    }

    [Fact]
    public void A_cancelled_meeting_keeps_its_reason_and_cannot_change_or_start()
    {
        var meeting = PlannedWithTwoCases();
        var empty = Assert.Throws<DomainException>(() => meeting.Cancel("  ", Start));

        meeting.Cancel("Te weinig casussen deze maand", Start);

        Assert.Equal("meeting.cancel.reason", empty.Code);
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal("Te weinig casussen deze maand", meeting.CancellationReason);
        Assert.Equal("meeting.cancelled", Assert.Throws<DomainException>(() => meeting.Reschedule("Nieuw", Start)).Code);
        Assert.Equal("meeting.status", Assert.Throws<DomainException>(() => meeting.Start(Start)).Code);
        Assert.Equal("meeting.cancelled", Assert.Throws<DomainException>(() => meeting.Cancel("Nog eens", Start)).Code);
    }

    [Fact]
    public void A_live_meeting_cannot_be_cancelled()
    {
        var meeting = PlannedWithTwoCases();
        meeting.Start(Start);

        Assert.Equal("meeting.status", Assert.Throws<DomainException>(() => meeting.Cancel("Toch niet", Start)).Code);
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
