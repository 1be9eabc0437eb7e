using Proeftuin.Core.Cases;
using Proeftuin.Core.Common;

namespace Proeftuin.Core.Meetings;

/// <summary>
/// A bespreking: one wijk's monthly case discussion. Planned → Live → Closed (or Planned → Cancelled); the chair leads it through the agenda,
/// each item through its phases. A closed meeting cannot be changed.
/// </summary>
public sealed class Meeting
{
    public const int MaxTitleLength = 160;
    public const int MaxAgendaItems = 12;
    public const int MaxCancellationReasonLength = 500;

    private readonly List<AgendaItem> _agenda = [];
    private readonly List<Attendance> _attendance = [];

    private Meeting()
    {
        Title = string.Empty;
    }

    public Meeting(Guid id, Guid neighbourhoodId, string title, DateTime scheduledStartUtc, Guid chairId)
    {
        Id = id;
        NeighbourhoodId = neighbourhoodId;
        Title = Guard.Required(title, "meeting.title", "Geef de bespreking een titel", MaxTitleLength);
        ScheduledStartUtc = Guard.Utc(scheduledStartUtc);
        ChairId = chairId;
        Status = MeetingStatus.Planned;
    }

    public Guid Id { get; private set; }

    public Guid NeighbourhoodId { get; private set; }

    public string Title { get; private set; }

    public DateTime ScheduledStartUtc { get; private set; }

    public Guid ChairId { get; private set; }

    public MeetingStatus Status { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>
    /// The one date of the meeting in its verslag, file names, CSV and exports: when it was held (started), or the planned
    /// start while it has not started. Queries spell it out as <c>StartedAtUtc ?? ScheduledStartUtc</c>.
    /// </summary>
    public DateTime HeldAtUtc => StartedAtUtc ?? ScheduledStartUtc;

    public Guid? CurrentAgendaItemId { get; private set; }

    /// <summary>Why the chair cancelled the meeting; members see it on the meeting and in the meetings list.</summary>
    public string? CancellationReason { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    public IReadOnlyList<AgendaItem> Agenda => [.. _agenda.OrderBy(a => a.Position)];

    public IReadOnlyList<Attendance> Attendance => _attendance;

    public AgendaItem? CurrentItem => _agenda.Find(a => a.Id == CurrentAgendaItemId);

    public void Reschedule(string title, DateTime scheduledStartUtc)
    {
        EnsurePlanned();
        Title = Guard.Required(title, "meeting.title", "Geef de bespreking een titel", MaxTitleLength);
        ScheduledStartUtc = Guard.Utc(scheduledStartUtc);
    }

    public AgendaItem AddToAgenda(Guid agendaItemId, CaseFile caseFile, int timeboxMinutes)
    {
        EnsureNotClosed();
        if (caseFile.NeighbourhoodId != NeighbourhoodId)
        {
            throw new DomainException("meeting.agenda.neighbourhood", "Alleen casussen van de eigen wijk kunnen op de agenda.");
        }

        if (caseFile.Status is CaseStatus.Archived)
        {
            throw new DomainException("meeting.agenda.archived", "Een gearchiveerde casus kan niet op de agenda.");
        }

        if (_agenda.Exists(a => a.CaseFileId == caseFile.Id))
        {
            throw new DomainException("meeting.agenda.duplicate", "Deze casus staat al op de agenda.");
        }

        if (_agenda.Count >= MaxAgendaItems)
        {
            throw new DomainException("meeting.agenda.full", $"Een bespreking heeft maximaal {MaxAgendaItems} casussen.");
        }

        var item = new AgendaItem(agendaItemId, Id, caseFile.Id, _agenda.Count + 1, timeboxMinutes);
        _agenda.Add(item);
        return item;
    }

    public void RemoveFromAgenda(Guid agendaItemId)
    {
        EnsurePlanned();
        var item = FindItem(agendaItemId);
        _agenda.Remove(item);
        var position = 1;
        foreach (var remaining in _agenda.OrderBy(a => a.Position))
        {
            remaining.Position = position++;
        }
    }

    public void ChangeTimebox(Guid agendaItemId, int minutes)
    {
        EnsureNotClosed();
        FindItem(agendaItemId).ChangeTimebox(minutes);
    }

    /// <summary>Moves an agenda item to another place (1 = first); the others close up around it.</summary>
    public void MoveAgendaItem(Guid agendaItemId, int newPosition)
    {
        EnsurePlanned();
        var item = FindItem(agendaItemId);
        if (newPosition < 1 || newPosition > _agenda.Count)
        {
            throw new DomainException("meeting.agenda.position", $"Kies een plaats van 1 tot {_agenda.Count} op de agenda.");
        }

        var order = Agenda.Where(a => a.Id != item.Id).ToList();
        order.Insert(newPosition - 1, item);
        for (var i = 0; i < order.Count; i++)
        {
            order[i].Position = i + 1;
        }
    }

    /// <summary>Planned → Cancelled, with the reason members see; nothing about the meeting can change after.</summary>
    public void Cancel(string reason, DateTime nowUtc)
    {
        EnsurePlanned();
        CancellationReason = Guard.Required(reason, "meeting.cancel.reason", "Geef een reden voor het annuleren", MaxCancellationReasonLength);
        CancelledAtUtc = Guard.Utc(nowUtc);
        Status = MeetingStatus.Cancelled;
    }

    /// <summary>Planned → Live. The first agenda item becomes current.</summary>
    public void Start(DateTime nowUtc)
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainException("meeting.status", "Alleen een geplande bespreking kan starten.");
        }

        if (_agenda.Count == 0)
        {
            throw new DomainException("meeting.agenda.empty", "Zet eerst minstens één casus op de agenda.");
        }

        Status = MeetingStatus.Live;
        StartedAtUtc = Guard.Utc(nowUtc);
        CurrentAgendaItemId = Agenda[0].Id;
    }

    /// <summary>Next phase of the current item; after Evaluatie the next item starts at Inbreng.</summary>
    public void AdvancePhase(DateTime nowUtc)
    {
        EnsureLive();
        var current = CurrentItem!;
        if (current.AdvancePhase(nowUtc))
        {
            return;
        }

        var next = Agenda.FirstOrDefault(a => a.Position > current.Position)
            ?? throw new DomainException("meeting.agenda.end", "Dit was de laatste fase van de laatste casus. Sluit de bespreking af.");
        current.PauseTimer(nowUtc);
        CurrentAgendaItemId = next.Id;
    }

    /// <summary>Back to the previous phase of the current item (e.g. one more clarifying question); its timer starts afresh.</summary>
    public void ReturnToPreviousPhase(DateTime nowUtc)
    {
        EnsureLive();
        if (!CurrentItem!.ReturnToPreviousPhase(nowUtc))
        {
            throw new DomainException("meeting.phase.first", "Deze casus is al in de eerste fase.");
        }
    }

    /// <summary>Skips the rest of the current case: the next case on the agenda becomes current at its first phase.</summary>
    public AgendaItem MoveToNextItem(DateTime nowUtc)
    {
        EnsureLive();
        var current = CurrentItem!;
        var next = Agenda.FirstOrDefault(a => a.Position > current.Position)
            ?? throw new DomainException("meeting.agenda.last", "Dit is de laatste casus op de agenda.");
        MoveToItem(next.Id, nowUtc);
        return next;
    }

    /// <summary>Jumps to another agenda item (e.g. when a case is postponed).</summary>
    public void MoveToItem(Guid agendaItemId, DateTime nowUtc)
    {
        EnsureLive();
        var target = FindItem(agendaItemId);
        CurrentItem?.PauseTimer(nowUtc);
        CurrentAgendaItemId = target.Id;
    }

    public void StartTimer(DateTime nowUtc)
    {
        EnsureLive();
        CurrentItem!.StartTimer(nowUtc);
    }

    public void PauseTimer(DateTime nowUtc)
    {
        EnsureLive();
        CurrentItem!.PauseTimer(nowUtc);
    }

    public void ExtendTimer(int minutes)
    {
        EnsureLive();
        CurrentItem!.ExtendTimer(minutes);
    }

    /// <summary>Records the first time a member joins; joining again changes nothing.</summary>
    public bool RecordAttendance(Guid professionalId, DateTime nowUtc)
    {
        EnsureNotClosed();
        if (_attendance.Exists(a => a.ProfessionalId == professionalId))
        {
            return false;
        }

        _attendance.Add(new Attendance(Id, professionalId, Guard.Utc(nowUtc)));
        return true;
    }

    /// <summary>Live → Closed, only with no open anonymisation finding in any case on the agenda.</summary>
    public void Close(int openAnonymizationFindings, DateTime nowUtc)
    {
        EnsureLive();
        if (openAnonymizationFindings > 0)
        {
            throw new DomainException(
                "meeting.anonymization.open",
                $"Er staan nog {openAnonymizationFindings} mogelijk identificerende gegevens open in de casussen. Los die eerst op.");
        }

        CurrentItem?.PauseTimer(nowUtc);
        Status = MeetingStatus.Closed;
        ClosedAtUtc = Guard.Utc(nowUtc);
    }

    /// <summary>A participant rates the meeting, during its evaluation or after it closed.</summary>
    public MeetingEvaluation Evaluate(Guid evaluationId, Guid professionalId, int score, string? remark, DateTime nowUtc)
    {
        if (Status is MeetingStatus.Planned or MeetingStatus.Cancelled)
        {
            throw new DomainException("evaluation.status", "Een bespreking kan pas na afloop worden beoordeeld.");
        }

        if (!_attendance.Exists(a => a.ProfessionalId == professionalId))
        {
            throw new DomainException("evaluation.attendee", "Alleen deelnemers kunnen de bespreking beoordelen.");
        }

        return new MeetingEvaluation(evaluationId, Id, professionalId, score, remark, nowUtc);
    }

    private AgendaItem FindItem(Guid agendaItemId) =>
        _agenda.Find(a => a.Id == agendaItemId)
        ?? throw new DomainException("meeting.agenda.unknown", "Dit agendapunt hoort niet bij deze bespreking.");

    private void EnsurePlanned()
    {
        EnsureNotClosed();
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainException("meeting.status", "Dit kan alleen voordat de bespreking begint.");
        }
    }

    private void EnsureLive()
    {
        EnsureNotClosed();
        if (Status != MeetingStatus.Live)
        {
            throw new DomainException("meeting.status", "De bespreking is nog niet gestart.");
        }
    }

    private void EnsureNotClosed()
    {
        if (Status == MeetingStatus.Closed)
        {
            throw new DomainException("meeting.closed", "Een gesloten bespreking kan niet meer worden gewijzigd.");
        }

        if (Status == MeetingStatus.Cancelled)
        {
            throw new DomainException("meeting.cancelled", "Een geannuleerde bespreking kan niet meer worden gewijzigd.");
        }
    }
}
