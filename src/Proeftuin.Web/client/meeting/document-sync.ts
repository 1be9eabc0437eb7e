// One co-edited document on the wire: the Jupiter client state machine, the revision inbox, one submission in flight,
// the room's batches (our own operation in a batch is the ack of our submission, ADR 0028), and the resync after a dropped connection (edits typed offline are kept and sent when the connection is back).
// Transport-agnostic: the hub calls are passed in, so vitest can drive it without a server.

import { ClientDocument, type AppliedOperation, type ClientDocumentSnapshot, type PendingOperation } from '../collaboration/client-document';
import { RevisionInbox } from '../collaboration/revision-inbox';
import { TextOperation } from '../collaboration/text-operation';
import type { HubError, HubResult, OperationBroadcast, SubmitAck } from './hub-types';

export type { HubError, HubResult, SubmitAck } from './hub-types';

/** An operation of the op log as the hub sends it (broadcast or catch-up). */
export type OperationMessage = OperationBroadcast;

/** What the sync needs from the hub. */
export interface SyncTransport {
  submit(documentId: string, baseRevision: number, operation: TextOperation, clientId: string, clientSeq: number): Promise<HubResult<SubmitAck>>;
  catchUp(documentId: string, revision: number): Promise<HubResult<OperationMessage[]>>;
}

export interface SyncEvents {
  /** Another participant's operation, transformed so it applies to the local text. */
  remote(operation: TextOperation): void;
  /** The server refused a submission (a bug or a closed meeting): the text is reloaded from the server. */
  refused(error: HubError): void;
  /** Whether local edits are waiting for the server. */
  pendingChanged(pending: boolean): void;
}

export class DocumentSync {
  private readonly doc: ClientDocument;
  private inbox: RevisionInbox;
  private sending = false;
  private online = true;
  private resyncing = false;
  private held: OperationMessage[] = [];
  /** Resolved with the next submission (or null) when the one in flight is acknowledged, by a batch or by the answer. */
  private ackWaiter: ((next: PendingOperation | null) => void) | null = null;

  constructor(
    readonly documentId: string,
    text: string,
    revision: number,
    readonly clientId: string,
    private readonly transport: SyncTransport,
    private readonly events: SyncEvents,
  ) {
    this.doc = new ClientDocument(clientId, text, revision);
    this.inbox = new RevisionInbox(revision);
  }

  get text(): string {
    return this.doc.text;
  }

  get revision(): number {
    return this.doc.revision;
  }

  get hasPending(): boolean {
    return this.doc.state !== 'synchronized';
  }

  /** The unconfirmed edits and the text they apply to, to keep across a reload; null when all is confirmed. */
  get pendingSnapshot(): ClientDocumentSnapshot | null {
    return this.hasPending ? this.doc.snapshot() : null;
  }

  /** A local edit (already applied in the editor). */
  local(operation: TextOperation): void {
    const send = this.doc.applyLocal(operation);
    this.events.pendingChanged(true);
    if (send !== null && this.online && !this.sending) void this.send(send);
  }

  /** One operation of the room's op log, another client's or (as the ack) our own. */
  broadcast(message: OperationMessage): void {
    if (message.documentId !== this.documentId) return;
    if (this.resyncing) {
      this.held.push(message);
      return;
    }
    this.deliver(message);
  }

  /** The connection dropped: keep typing locally, send nothing until {@link resync}. */
  disconnected(): void {
    this.online = false;
  }

  /** The connection is back (and the room rejoined): fetch what was missed, then send what is pending. */
  async resync(): Promise<void> {
    this.resyncing = true;
    try {
      const missed = await this.transport.catchUp(this.documentId, this.doc.revision);
      if (!missed.ok || missed.value === null) throw new Error(missed.error?.message ?? 'Bijwerken mislukt.');
      const applied: AppliedOperation[] = missed.value.map((m) => ({
        revision: m.revision,
        operation: TextOperation.fromJSON(m.operation),
        clientId: m.clientId,
        clientSeq: m.clientSeq,
      }));
      const before = this.doc.text;
      const resend = this.doc.resync(applied);
      this.emitDifference(before);
      this.inbox = new RevisionInbox(this.doc.revision);
      const held = this.held.sort((a, b) => a.revision - b.revision);
      this.held = [];
      this.resyncing = false;
      this.online = true;
      for (const message of held) this.deliver(message);
      this.sending = false;
      if (resend !== null) void this.send(resend);
      else this.events.pendingChanged(this.hasPending);
    } finally {
      this.resyncing = false;
    }
  }

  private deliver(message: OperationMessage): void {
    this.inbox.deliver(message.revision, () => {
      // In revision order our own submission in flight is acknowledged (as in a resync); anything else is applied.
      const awaiting = this.doc.awaiting;
      if (message.clientId === this.clientId && awaiting !== null && awaiting.clientSeq === message.clientSeq) {
        this.acknowledged(message.revision);
        return;
      }
      const applied = this.doc.applyServer(TextOperation.fromJSON(message.operation), message.revision);
      this.events.remote(applied);
    });
  }

  /**
   * After a resync the local text changed by everything others did meanwhile. The editor holds `before`; the
   * difference to the new text is exactly the transformed remote operations, which the state machine already
   * applied in order, so the editor gets one operation: from `before` to the new text, computed as a plain diff
   * around the unchanged start and end (the edits of others, with our own pending ones kept in place).
   */
  private emitDifference(before: string): void {
    const after = this.doc.text;
    if (before === after) return;
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
      endBefore--;
      endAfter--;
    }
    const builder = TextOperation.builder().retain(start).delete(endBefore - start).insert(after.slice(start, endAfter));
    this.events.remote(builder.retain(before.length - endBefore).build());
  }

  private acknowledged(revision: number): void {
    const next = this.doc.acknowledge(revision);
    const waiter = this.ackWaiter;
    this.ackWaiter = null;
    waiter?.(next);
  }

  private async send(pending: PendingOperation): Promise<void> {
    this.sending = true;
    let next: PendingOperation | null = pending;
    while (next !== null) {
      const current: PendingOperation = next;
      const acked = new Promise<PendingOperation | null>((resolve) => {
        this.ackWaiter = resolve;
      });
      let result: HubResult<SubmitAck>;
      try {
        result = await this.transport.submit(this.documentId, current.baseRevision, current.operation, this.clientId, current.clientSeq);
      } catch {
        // The connection dropped with this submission in flight: it stays pending; the resync resends it.
        this.online = false;
        this.sending = false;
        return;
      }
      if (!result.ok || result.value === null) {
        this.sending = false;
        const error = result.error ?? { code: 'unknown', message: 'Onbekende fout.' };
        if (error.code === 'document.busy' || error.code === 'rate.limited') {
          // Nothing was applied: catch up and send the same submission again in a moment.
          setTimeout(() => void this.resync(), 250);
          return;
        }
        this.events.refused(error);
        return;
      }
      const ack = result.value;
      // The answer may overtake earlier revisions (the inbox applies those first); when the batch with our own
      // operation came first, the inbox has passed this revision and drops the answer.
      this.inbox.deliver(ack.revision, () => this.acknowledged(ack.revision));
      next = await acked;
    }
    this.sending = false;
    this.events.pendingChanged(this.hasPending);
  }
}
