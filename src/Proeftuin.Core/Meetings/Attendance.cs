namespace Proeftuin.Core.Meetings;

/// <summary>Who took part in a meeting; recorded when they first join the live room.</summary>
public sealed class Attendance
{
    private Attendance()
    {
    }

    internal Attendance(Guid meetingId, Guid professionalId, DateTime joinedAtUtc)
    {
        MeetingId = meetingId;
        ProfessionalId = professionalId;
        FirstJoinedAtUtc = joinedAtUtc;
    }

    public Guid MeetingId { get; private set; }

    public Guid ProfessionalId { get; private set; }

    public DateTime FirstJoinedAtUtc { get; private set; }
}
