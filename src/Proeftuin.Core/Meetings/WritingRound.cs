using Proeftuin.Core.Common;

namespace Proeftuin.Core.Meetings;

/// <summary>
/// An "eerst schrijven, dan delen" round: the chair asks a question, every participant writes an answer on their own,
/// and the chair reveals all answers at once. Until then an answer is visible only to its author, so that nobody's
/// view is coloured by who spoke first. A revealed round is final.
/// </summary>
public sealed class WritingRound
{
    public const int MaxPromptLength = 300;
    public const int MaxEntryLength = 4000;

    private readonly List<WritingEntry> _entries = [];

    private WritingRound()
    {
        Prompt = string.Empty;
    }

    public WritingRound(Guid id, Meeting meeting, string prompt, DateTime nowUtc)
    {
        if (meeting.Status != MeetingStatus.Live)
        {
            throw new DomainException("round.meeting", "Een schrijfronde kan alleen tijdens een lopende bespreking.");
        }

        Id = id;
        MeetingId = meeting.Id;
        AgendaItemId = meeting.CurrentAgendaItemId;
        Prompt = Guard.Required(prompt, "round.prompt", "Geef de vraag van de schrijfronde", MaxPromptLength);
        OpenedAtUtc = Guard.Utc(nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    /// <summary>The agenda item that was current when the round opened.</summary>
    public Guid? AgendaItemId { get; private set; }

    public string Prompt { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public DateTime? RevealedAtUtc { get; private set; }

    public bool IsRevealed => RevealedAtUtc is not null;

    public IReadOnlyList<WritingEntry> Entries => _entries;

    /// <summary>Writes or rewrites the author's own answer; only while the round is open.</summary>
    public WritingEntry Write(Guid authorId, string text, DateTime nowUtc)
    {
        EnsureOpen();
        var clean = Guard.Required(text, "round.entry", "Schrijf eerst je antwoord", MaxEntryLength);
        var entry = _entries.Find(e => e.AuthorId == authorId);
        if (entry is null)
        {
            entry = new WritingEntry(Guid.NewGuid(), Id, authorId, clean, Guard.Utc(nowUtc));
            _entries.Add(entry);
        }
        else
        {
            entry.Rewrite(clean, Guard.Utc(nowUtc));
        }

        return entry;
    }

    public void Reveal(DateTime nowUtc)
    {
        EnsureOpen();
        RevealedAtUtc = Guard.Utc(nowUtc);
    }

    /// <summary>What <paramref name="viewerId"/> may read: every answer once revealed, before that only their own.</summary>
    public IReadOnlyList<WritingEntry> VisibleTo(Guid viewerId) =>
        IsRevealed ? [.. _entries.OrderBy(e => e.WrittenAtUtc)] : [.. _entries.Where(e => e.AuthorId == viewerId)];

    private void EnsureOpen()
    {
        if (IsRevealed)
        {
            throw new DomainException("round.revealed", "Deze schrijfronde is al gedeeld en kan niet meer worden gewijzigd.");
        }
    }
}

/// <summary>One participant's answer in a <see cref="WritingRound"/>.</summary>
public sealed class WritingEntry
{
    private WritingEntry()
    {
        Text = string.Empty;
    }

    internal WritingEntry(Guid id, Guid roundId, Guid authorId, string text, DateTime nowUtc)
    {
        Id = id;
        RoundId = roundId;
        AuthorId = authorId;
        Text = text;
        WrittenAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public Guid AuthorId { get; private set; }

    public string Text { get; private set; }

    public DateTime WrittenAtUtc { get; private set; }

    internal void Rewrite(string text, DateTime nowUtc)
    {
        Text = text;
        WrittenAtUtc = nowUtc;
    }
}
