namespace Proeftuin.Core.Meetings;

/// <summary>The phases of discussing one case (after the incidentmethode), in order.</summary>
public enum MeetingPhase
{
    /// <summary>Inbreng: the case is presented with its casusvraag.</summary>
    Presentation = 1,

    /// <summary>Verheldering: clarifying questions.</summary>
    Clarification = 2,

    /// <summary>Analyse: perspectives per discipline.</summary>
    Analysis = 3,

    /// <summary>Aanbevelingen.</summary>
    Recommendations = 4,

    /// <summary>Evaluatie.</summary>
    Evaluation = 5,
}
