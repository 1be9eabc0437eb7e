using Proeftuin.Core.Common;

namespace Proeftuin.Core.Meetings;

/// <summary>
/// The verslag of a closed meeting: generated from the agenda, the attendance by discipline, each case's casusvraag and
/// conclusions and the recommendations; then co-edited like a case text (its operations live in the op log as document
/// <c>minutes:{meetingId}</c>) and finally fixed by the chair: read-only from then on, with the revision it was fixed at.
/// </summary>
public sealed class MeetingMinutes
{
    public const int MaxTextLength = 200_000;

    private MeetingMinutes()
    {
        GeneratedText = string.Empty;
    }

    private MeetingMinutes(Guid id, Guid meetingId, string generatedText, DateTime nowUtc)
    {
        Id = id;
        MeetingId = meetingId;
        GeneratedText = generatedText;
        CreatedAtUtc = Guard.Utc(nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    /// <summary>The text as generated at closing: the base of the op log.</summary>
    public string GeneratedText { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string? FinalText { get; private set; }

    public long? FinalRevision { get; private set; }

    public Guid? FinalisedById { get; private set; }

    public DateTime? FinalisedAtUtc { get; private set; }

    public bool IsFinal => FinalisedAtUtc is not null;

    /// <summary>Minutes for a meeting that has just been closed.</summary>
    public static MeetingMinutes For(Meeting meeting, MinutesContent content, DateTime nowUtc)
    {
        if (meeting.Status != MeetingStatus.Closed)
        {
            throw new DomainException("minutes.meeting", "Een verslag wordt gemaakt wanneer de bespreking is gesloten.");
        }

        return new MeetingMinutes(Guid.NewGuid(), meeting.Id, MinutesTemplate.Render(content), nowUtc);
    }

    /// <summary>Fixes the edited text; nothing can change it afterwards.</summary>
    public void Finalise(string text, long revision, Guid byId, DateTime nowUtc)
    {
        if (IsFinal)
        {
            throw new DomainException("minutes.final", "Dit verslag is al definitief.");
        }

        if (text.Length > MaxTextLength)
        {
            throw new DomainException("minutes.length", $"Een verslag heeft maximaal {MaxTextLength} tekens.");
        }

        FinalText = text;
        FinalRevision = revision;
        FinalisedById = byId;
        FinalisedAtUtc = Guard.Utc(nowUtc);
    }
}
