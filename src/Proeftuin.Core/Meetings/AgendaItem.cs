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
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid CaseFileId { get; private set; }

    /// <summary>Order on the agenda, from 1.</summary>
    public int Position { get; internal set; }

    public int TimeboxMinutes { get; private set; }

    public MeetingPhase Phase { get; private set; }

    /// <summary>When the running timer was (re)started; null while it is paused or not started.</summary>
    public DateTime? TimerRunningSinceUtc { get; private set; }

    /// <summary>Seconds the timer ran before its last pause.</summary>
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

        return TimeSpan.FromMinutes(TimeboxMinutes) - elapsed;
    }

    internal void ChangeTimebox(int minutes) => TimeboxMinutes = ValidTimebox(minutes);

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

        TimeboxMinutes = Math.Min(TimeboxMinutes + minutes, MaxTimeboxMinutes * 2);
    }

    /// <summary>Moves to the next phase; false when already in the last one.</summary>
    internal bool AdvancePhase()
    {
        if (Phase == MeetingPhase.Evaluation)
        {
            return false;
        }

        Phase++;
        return true;
    }

    private static int ValidTimebox(int minutes) =>
        minutes is >= MinTimeboxMinutes and <= MaxTimeboxMinutes
            ? minutes
            : throw new DomainException("meeting.timebox", $"Een tijdvak duurt {MinTimeboxMinutes} tot {MaxTimeboxMinutes} minuten.");
}
