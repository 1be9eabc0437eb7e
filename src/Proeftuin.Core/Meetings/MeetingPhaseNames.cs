namespace Proeftuin.Core.Meetings;

public static class MeetingPhaseNames
{
    public static string Dutch(MeetingPhase phase) => phase switch
    {
        MeetingPhase.Presentation => "Inbreng",
        MeetingPhase.Clarification => "Verheldering",
        MeetingPhase.Analysis => "Analyse",
        MeetingPhase.Recommendations => "Aanbevelingen",
        MeetingPhase.Evaluation => "Evaluatie",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };
}
