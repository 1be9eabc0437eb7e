// The messages of /hubs/meeting as the browser sees them (JSON protocol, camelCase): one interface per C# record of
// Features/Meetings/Live/MeetingMessages.cs (and FindingDto), with the same name and the same properties. C# Guid,
// DateTime and DateOnly travel as strings, numbers as number. Hub_contract (Proeftuin.Web.Tests) parses this file and
// fails when a C# message changes and this file does not.

import type { Discipline, MeetingPhase, MeetingStatus, Pillar, RecommendationLevel, RecommendationStatus } from './enums';

export interface HubError {
  readonly code: string;
  readonly message: string;
  /** Set when the anonymisation guard refused the text ("anonymization.open"). */
  readonly findings?: readonly GuardFindingDto[] | null;
  /** Set on "recommendation.conflict": the version someone else saved first, to show next to the user's own. */
  readonly current?: RecommendationView | null;
}

/** A finding in a text the anonymisation guard refused: the field, offsets in it, the placeholder, and why. */
export interface GuardFindingDto {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly category: string;
  readonly rule: string;
  readonly confidence: number;
  readonly placeholder: string;
  readonly reasonCode: string;
  readonly reason: string;
}

export interface HubResult<T> {
  readonly ok: boolean;
  readonly value: T | null;
  readonly error: HubError | null;
}

export interface Participant {
  readonly userId: string;
  readonly name: string;
  readonly discipline: Discipline | string;
  readonly colour: string;
}

export interface MeetingState {
  readonly status: MeetingStatus;
  readonly currentAgendaItemId: string | null;
  readonly phase: MeetingPhase | null;
  readonly remainingSeconds: number | null;
  readonly timerRunning: boolean;
  readonly serverTimeUtc: string;
}

export interface FindingDto {
  readonly start: number;
  readonly end: number;
  readonly category: string;
  readonly rule: string;
  readonly confidence: number;
  readonly placeholder: string;
  readonly reasonCode: string;
  readonly reason: string;
}

export interface DocumentState {
  readonly documentId: string;
  readonly title: string;
  readonly text: string;
  readonly revision: number;
  readonly findings: readonly FindingDto[];
}

export interface RecommendationInput {
  readonly text: string;
  readonly pillars: readonly Pillar[];
  readonly level: RecommendationLevel;
  readonly addressedTo: readonly Discipline[];
  readonly ownerId: string | null;
  readonly dueDate: string | null;
  readonly caseFileId: string | null;
}

export interface RecommendationView {
  readonly id: string;
  readonly text: string;
  readonly pillars: readonly Pillar[];
  readonly level: RecommendationLevel;
  readonly addressedTo: readonly Discipline[];
  readonly ownerId: string | null;
  readonly dueDate: string | null;
  readonly status: RecommendationStatus;
  readonly version: number;
  readonly caseFileId: string | null;
}

export interface WritingEntryView {
  readonly authorId: string;
  readonly authorName: string;
  readonly discipline: Discipline | string;
  readonly text: string;
  readonly writtenAtUtc: string;
}

export interface WritingRoundView {
  readonly id: string;
  readonly agendaItemId: string | null;
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
  readonly status: MeetingStatus;
  readonly documents: readonly DocumentState[];
  readonly participants: readonly Participant[];
  readonly state: MeetingState;
  readonly recommendations: readonly RecommendationView[];
  readonly writingRounds: readonly WritingRoundView[];
  readonly minutes: MinutesView | null;
  readonly evaluation: EvaluationSummary;
}

export interface CursorPosition {
  readonly documentId: string;
  readonly revision: number;
  readonly anchor: number;
  readonly head: number;
}

export interface CursorBroadcast {
  readonly userId: string;
  readonly colour: string;
  readonly position: CursorPosition;
}

export interface FindingsBroadcast {
  readonly documentId: string;
  readonly revision: number;
  readonly findings: readonly FindingDto[];
}

/** An operation as JSON: retain (positive), delete (negative), insert (string); see collaboration/text-operation. */
export type OperationJson = unknown;

export interface SubmitRequest {
  readonly documentId: string;
  readonly baseRevision: number;
  readonly operation: OperationJson;
  readonly clientId: string;
  readonly clientSeq: number;
}

export interface SubmitAck {
  readonly documentId: string;
  readonly revision: number;
  readonly clientSeq: number;
  readonly duplicate: boolean;
}

/** An operation of the op log as the hub sends it (broadcast or catch-up). */
export interface OperationBroadcast {
  readonly documentId: string;
  readonly revision: number;
  readonly operation: OperationJson;
  readonly clientId: string;
  readonly clientSeq: number;
}

/** What a room applied in one tick, in revision order per document; an operation with our client id is our ack. */
export interface OperationBatch {
  readonly operations: readonly OperationBroadcast[];
}
