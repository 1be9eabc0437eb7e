// The messages of /hubs/meeting as the browser sees them (JSON protocol, camelCase).

import type { OperationMessage } from './document-sync';

export type { GuardFinding, HubError } from './document-sync';

export interface Participant {
  readonly userId: string;
  readonly name: string;
  readonly discipline: string;
  readonly colour: string;
}

export interface MeetingState {
  readonly status: string;
  readonly currentAgendaItemId: string | null;
  readonly phase: string | null;
  readonly remainingSeconds: number | null;
  readonly timerRunning: boolean;
  readonly serverTimeUtc: string;
}

export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly category: string;
  readonly rule: string;
  readonly confidence: number;
  readonly placeholder: string;
}

export interface DocumentState {
  readonly documentId: string;
  readonly title: string;
  readonly text: string;
  readonly revision: number;
  readonly findings: readonly Finding[];
}

export interface RecommendationView {
  readonly id: string;
  readonly text: string;
  readonly pillars: readonly string[];
  readonly level: string;
  readonly addressedTo: readonly string[];
  readonly ownerId: string | null;
  readonly dueDate: string | null;
  readonly status: string;
  readonly version: number;
  readonly caseFileId: string | null;
}

export interface WritingEntryView {
  readonly authorId: string;
  readonly authorName: string;
  readonly discipline: string;
  readonly text: string;
}

export interface WritingRoundView {
  readonly id: string;
  readonly prompt: string;
  readonly status: string;
  readonly writtenBy: readonly string[];
  readonly entries: readonly WritingEntryView[];
}

export interface MinutesView {
  readonly documentId: string;
  readonly status: string;
  readonly finalRevision: number | null;
}

export interface EvaluationSummary {
  readonly count: number;
  readonly average: number | null;
}

export interface MeetingSnapshot {
  readonly meetingId: string;
  readonly title: string;
  readonly status: string;
  readonly documents: readonly DocumentState[];
  readonly participants: readonly Participant[];
  readonly state: MeetingState;
  readonly recommendations: readonly RecommendationView[];
  readonly writingRounds: readonly WritingRoundView[];
  readonly minutes: MinutesView | null;
  readonly evaluation: EvaluationSummary;
}

export interface CursorBroadcast {
  readonly userId: string;
  readonly colour: string;
  readonly position: { readonly documentId: string; readonly revision: number; readonly anchor: number; readonly head: number };
}

export interface FindingsBroadcast {
  readonly documentId: string;
  readonly revision: number;
  readonly findings: readonly Finding[];
}

export type { OperationMessage };

/** The colours the server hands out (Presence.Colours), in order: the CSS has a class per index. */
export const PARTICIPANT_COLOURS = ['#1f5fad', '#b3261e', '#00703c', '#7b2cbf', '#a35200', '#006d77', '#c2185b', '#4a4a4a'];

export function colourIndex(colour: string): number {
  const index = PARTICIPANT_COLOURS.indexOf(colour.toLowerCase());
  return index < 0 ? PARTICIPANT_COLOURS.length - 1 : index;
}
