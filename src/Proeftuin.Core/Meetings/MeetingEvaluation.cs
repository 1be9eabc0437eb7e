using Proeftuin.Core.Common;

namespace Proeftuin.Core.Meetings;

/// <summary>A participant's rating of a meeting: 1–10 and an optional remark. One per participant per meeting.</summary>
public sealed class MeetingEvaluation
{
    public const int MaxRemarkLength = 1000;

    private MeetingEvaluation()
    {
    }

    internal MeetingEvaluation(Guid id, Guid meetingId, Guid professionalId, int score, string? remark, DateTime nowUtc)
    {
        Id = id;
        MeetingId = meetingId;
        ProfessionalId = professionalId;
        Score = score is >= 1 and <= 10 ? score : throw new DomainException("evaluation.score", "Geef een cijfer van 1 tot en met 10.");
        Remark = Guard.Optional(remark, "evaluation.remark", "De opmerking is te lang", MaxRemarkLength);
        SubmittedAtUtc = Guard.Utc(nowUtc);
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid ProfessionalId { get; private set; }

    public int Score { get; private set; }

    public string? Remark { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }
}
