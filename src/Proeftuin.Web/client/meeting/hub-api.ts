// The hub's methods and events by name, with their arguments and answers: the only place the browser names them.
// Hub_contract (Proeftuin.Web.Tests) checks both maps against MeetingHub's public methods and IMeetingClient.

import type { HubConnection } from '@microsoft/signalr';
import type {
  CursorBroadcast, CursorPosition, EvaluationSummary, FindingsBroadcast, HubResult, MeetingSnapshot, MeetingState, MinutesView,
  OperationBatch, OperationBroadcast, Participant, RecommendationInput, RecommendationView, SubmitAck, SubmitRequest, WritingRoundView,
} from './hub-types';

/** MeetingHub: method name → [arguments, value of the HubResult]. */
export interface HubMethods {
  JoinMeeting: [[meetingId: string], MeetingSnapshot];
  LeaveMeeting: [[], boolean];
  SubmitOperation: [[request: SubmitRequest], SubmitAck];
  CatchUp: [[documentId: string, revision: number], OperationBroadcast[]];
  UpdateCursor: [[position: CursorPosition], boolean];
  StartMeeting: [[], MeetingState];
  AdvancePhase: [[], MeetingState];
  ReturnToPreviousPhase: [[], MeetingState];
  MoveToNextItem: [[], MeetingState];
  MoveToItem: [[agendaItemId: string], MeetingState];
  StartTimer: [[], MeetingState];
  PauseTimer: [[], MeetingState];
  ExtendTimer: [[minutes: number], MeetingState];
  CloseMeeting: [[], MeetingState];
  FinaliseMinutes: [[], MinutesView];
  EvaluateMeeting: [[score: number, remark: string | null], EvaluationSummary];
  AddRecommendation: [[input: RecommendationInput], RecommendationView];
  EditRecommendation: [[recommendationId: string, expectedVersion: number, input: RecommendationInput], RecommendationView];
  ChangeRecommendationStatus: [[recommendationId: string, expectedVersion: number, status: string], RecommendationView];
  DeleteRecommendation: [[recommendationId: string, expectedVersion: number], string];
  OpenWritingRound: [[prompt: string], WritingRoundView];
  WriteEntry: [[roundId: string, text: string], WritingRoundView];
  RevealWritingRound: [[roundId: string], WritingRoundView];
}

/** IMeetingClient: event name → payload. */
export interface HubEvents {
  ParticipantJoined: Participant;
  ParticipantLeft: string;
  OperationsApplied: OperationBatch;
  MeetingStateChanged: MeetingState;
  RecommendationChanged: RecommendationView;
  RecommendationRemoved: string;
  CursorMoved: CursorBroadcast;
  FindingsChanged: FindingsBroadcast;
  WritingRoundChanged: WritingRoundView;
  MinutesChanged: MinutesView;
  EvaluationChanged: EvaluationSummary;
}

export type HubMethod = keyof HubMethods;
export type HubEvent = keyof HubEvents;

/** A typed face of the connection: a misspelt method, event or argument is a compile error. */
export class MeetingHubApi {
  constructor(readonly connection: HubConnection) {}

  invoke<M extends HubMethod>(method: M, ...args: HubMethods[M][0]): Promise<HubResult<HubMethods[M][1]>> {
    return this.connection.invoke<HubResult<HubMethods[M][1]>>(method, ...args);
  }

  on<E extends HubEvent>(event: E, handler: (payload: HubEvents[E]) => void): void {
    this.connection.on(event, handler as (...args: unknown[]) => void);
  }
}
