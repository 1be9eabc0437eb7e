// The case hub (/hubs/case) by name, with its arguments and answers: the only place the case page names them.
// Hub_contract (Proeftuin.Web.Tests) checks both maps against CaseHub's public methods and ICaseClient, and
// CaseSnapshot against its C# record; the other messages are the meeting room's (hub-types.ts).

import type { HubConnection } from '@microsoft/signalr';
import type {
  CursorBroadcast, CursorPosition, DocumentState, FindingsBroadcast, HubResult, OperationBroadcast, Participant, SubmitAck, SubmitRequest,
} from '../meeting/hub-types';

export interface CaseSnapshot {
  readonly caseId: string;
  readonly title: string;
  readonly status: string;
  readonly document: DocumentState;
  readonly participants: readonly Participant[];
}

/** CaseHub: method name → [arguments, value of the HubResult]. */
export interface CaseHubMethods {
  JoinCase: [[caseId: string], CaseSnapshot];
  SubmitOperation: [[request: SubmitRequest], SubmitAck];
  CatchUp: [[documentId: string, revision: number], OperationBroadcast[]];
  UpdateCursor: [[position: CursorPosition], boolean];
  LeaveCase: [[], boolean];
}

/** ICaseClient: event name → payload. */
export interface CaseHubEvents {
  ParticipantJoined: Participant;
  ParticipantLeft: string;
  OperationApplied: OperationBroadcast;
  CursorMoved: CursorBroadcast;
  FindingsChanged: FindingsBroadcast;
}

/** A typed face of the connection: a misspelt method, event or argument is a compile error. */
export class CaseHubApi {
  constructor(readonly connection: HubConnection) {}

  invoke<M extends keyof CaseHubMethods>(method: M, ...args: CaseHubMethods[M][0]): Promise<HubResult<CaseHubMethods[M][1]>> {
    return this.connection.invoke<HubResult<CaseHubMethods[M][1]>>(method, ...args);
  }

  on<E extends keyof CaseHubEvents>(event: E, handler: (payload: CaseHubEvents[E]) => void): void {
    this.connection.on(event, handler as (...args: unknown[]) => void);
  }
}
