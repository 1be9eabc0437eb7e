using Proeftuin.Core.Common;

namespace Proeftuin.Core.Meetings;

/// <summary>One case on a meeting's agenda, with its timebox, phase and timer.</summary>
public sealed class AgendaItem
{
    public const int MinTimeboxMinutes = 5;
    public const int MaxTimeboxMinutes = 120;

    private AgendaItem()
    {
    }

    internal AgendaItem(Guid id, Guid meetingId, Guid caseFileId, int position, int timeboxMinutes)
    {
        Id = id;
        MeetingId = meetingId;
        CaseFileId = caseFileId;
        Position = position;
        TimeboxMinutes = ValidTimebox(timeboxMinutes);
        Phase = MeetingPhase.Presentation;
        PhaseSeconds = DefaultPhaseSeconds(Phase, TimeboxMinutes);
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid CaseFileId { get; private set; }

    /// <summary>Order on the agenda, from 1.</summary>
    public int Position { get; internal set; }

    public int TimeboxMinutes { get; private set; }

    public MeetingPhase Phase { get; private set; }

    /// <summary>How long the current phase's timer runs (its share of the timebox, plus what the chair added).</summary>
    public int PhaseSeconds { get; private set; }

    /// <summary>When the running timer was (re)started; null while it is paused or not started.</summary>
    public DateTime? TimerRunningSinceUtc { get; private set; }

    /// <summary>Seconds the current phase's timer ran before its last pause.</summary>
    public int TimerElapsedSeconds { get; private set; }

    public bool IsTimerRunning => TimerRunningSinceUtc is not null;

    /// <summary>The server's time is the truth: clients count down from this.</summary>
    public TimeSpan Remaining(DateTime nowUtc)
    {
        var elapsed = TimeSpan.FromSeconds(TimerElapsedSeconds);
        if (TimerRunningSinceUtc is { } since)
        {
            elapsed += nowUtc - since;
        }

        return TimeSpan.FromSeconds(PhaseSeconds) - elapsed;
    }

    /// <summary>
    /// A phase's default share of the case's timebox (after the incidentmethode: the analysis takes longest, the
    /// evaluation is short), in whole minutes, at least one.
    /// </summary>
    public static int DefaultPhaseSeconds(MeetingPhase phase, int timeboxMinutes)
    {
        var percent = phase switch
        {
            MeetingPhase.Presentation => 20,
            MeetingPhase.Clarification => 20,
            MeetingPhase.Analysis => 30,
            MeetingPhase.Recommendations => 20,
            MeetingPhase.Evaluation => 10,
            _ => throw new ArgumentOutOfRangeException(nameof(phase)),
        };
        return Math.Max(1, (int)Math.Round(timeboxMinutes * percent / 100.0)) * 60;
    }

    internal void ChangeTimebox(int minutes)
    {
        TimeboxMinutes = ValidTimebox(minutes);
        if (TimerElapsedSeconds == 0 && TimerRunningSinceUtc is null)
        {
            // The phase's timer has not run yet: it follows the new timebox.
            PhaseSeconds = DefaultPhaseSeconds(Phase, TimeboxMinutes);
        }
    }

    internal void StartTimer(DateTime nowUtc) => TimerRunningSinceUtc ??= Guard.Utc(nowUtc);

    internal void PauseTimer(DateTime nowUtc)
    {
        if (TimerRunningSinceUtc is { } since)
        {
            TimerElapsedSeconds += (int)Math.Round((Guard.Utc(nowUtc) - since).TotalSeconds);
            TimerRunningSinceUtc = null;
        }
    }

    internal void ExtendTimer(int minutes)
    {
        if (minutes is < 1 or > 60)
        {
            throw new DomainException("meeting.timer", "Verleng de tijd met 1 tot 60 minuten.");
        }

        PhaseSeconds = Math.Min(PhaseSeconds + (minutes * 60), MaxTimeboxMinutes * 60);
    }

    /// <summary>Moves to the next phase with a fresh timer; false when already in the last one.</summary>
    internal bool AdvancePhase(DateTime nowUtc)
    {
        if (Phase == MeetingPhase.Evaluation)
        {
            return false;
        }

        EnterPhase(Phase + 1, nowUtc);
        return true;
    }

    /// <summary>Moves back to the previous phase with a fresh timer; false when already in the first one.</summary>
    internal bool ReturnToPreviousPhase(DateTime nowUtc)
    {
        if (Phase == MeetingPhase.Presentation)
        {
            return false;
        }

        EnterPhase(Phase - 1, nowUtc);
        return true;
    }

    /// <summary>A new phase gets its own timer from its default share; a running timer keeps running for it.</summary>
    private void EnterPhase(MeetingPhase phase, DateTime nowUtc)
    {
        var running = IsTimerRunning;
        Phase = phase;
        PhaseSeconds = DefaultPhaseSeconds(phase, TimeboxMinutes);
        TimerElapsedSeconds = 0;
        TimerRunningSinceUtc = running ? Guard.Utc(nowUtc) : null;
    }

    private static int ValidTimebox(int minutes) =>
        minutes is >= MinTimeboxMinutes and <= MaxTimeboxMinutes
            ? minutes
            : throw new DomainException("meeting.timebox", $"Een tijdvak duurt {MinTimeboxMinutes} tot {MaxTimeboxMinutes} minuten.");
}
