// The enumerations the hub speaks in, in one place. Their names are the C# enum member names (the hub sends
// `enum.ToString()`); Hub_contract (Proeftuin.Web.Tests) fails when the C# side changes and this file does not.

/** Core.Meetings.MeetingStatus */
export const MEETING_STATUSES = ['Planned', 'Live', 'Closed', 'Cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Core.Meetings.MeetingPhase */
export const MEETING_PHASES = ['Presentation', 'Clarification', 'Analysis', 'Recommendations', 'Evaluation'] as const;
export type MeetingPhase = (typeof MEETING_PHASES)[number];

/** Core.Recommendations.VisionPillar without None: the four pillars of the shared vision. */
export const PILLARS = ['ClientCentred', 'AppropriateCare', 'ProfessionalCoordination', 'Preconditions'] as const;
export type Pillar = (typeof PILLARS)[number];

/** Core.Recommendations.RecommendationStatus, in the order the status menu shows them. */
export const RECOMMENDATION_STATUSES = ['Proposed', 'Agreed', 'InProgress', 'Done', 'Dropped'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Core.Recommendations.RecommendationLevel */
export const RECOMMENDATION_LEVELS = ['Case', 'Neighbourhood', 'City'] as const;
export type RecommendationLevel = (typeof RECOMMENDATION_LEVELS)[number];

/** Core.Professionals.Discipline */
export const DISCIPLINES = ['GeneralPractitioner', 'MentalHealthPracticeNurse', 'YouthHealthDoctor', 'FamilyWorker', 'Other'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/** The verslag's status (MinutesView.Status). */
export const MINUTES_STATUSES = ['Draft', 'Final'] as const;

/** The writing round's status (WritingRoundView.Status, written by MeetingHub.WritingRounds). */
export const WRITING_ROUND_STATUSES = ['Open', 'Revealed'] as const;

/** The colours the server hands out (Presence.Colours), in order: the CSS has a class per index. */
export const PARTICIPANT_COLOURS = ['#1f5fad', '#b3261e', '#00703c', '#7b2cbf', '#a35200', '#006d77', '#c2185b', '#4a4a4a'] as const;

/** The CSS colour class of a participant's colour; an unknown colour gets the last (grey). */
export function colourIndex(colour: string): number {
  const index = (PARTICIPANT_COLOURS as readonly string[]).indexOf(colour.toLowerCase());
  return index < 0 ? PARTICIPANT_COLOURS.length - 1 : index;
}
