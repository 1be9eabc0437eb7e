// The client side of a co-edited document (Jupiter client), the twin of Proeftuin.Core.Collaboration.ClientDocument:
// synchronised / awaiting ack / awaiting with buffer. Incoming server operations are transformed over pending edits.

import { TextOperation } from './text-operation';

export type ClientState = 'synchronized' | 'awaitingAck' | 'awaitingWithBuffer';

/** A submission: the operation, the revision it is based on, and its sequence number (for idempotent resubmits). */
export interface PendingOperation {
  readonly baseRevision: number;
  readonly operation: TextOperation;
  readonly clientSeq: number;
}

/** An operation as the server applied it (an entry of its op log). */
export interface AppliedOperation {
  readonly revision: number;
  readonly operation: TextOperation;
  readonly clientId: string;
  readonly clientSeq: number;
}

/**
 * Everything needed to take unconfirmed edits over a reload of the page: the text the server confirmed at `revision`
 * and the edits on top of it (the submission in flight and the buffer), as JSON for storage.
 */
export interface ClientDocumentSnapshot {
  readonly clientId: string;
  readonly revision: number;
  readonly confirmedText: string;
  readonly awaiting: { readonly operation: unknown; readonly clientSeq: number } | null;
  readonly buffer: unknown;
  readonly nextSeq: number;
}

export class ClientDocument {
  private awaitingOp: PendingOperation | null = null;
  private buffer: TextOperation | null = null;
  private nextSeq = 1;
  /** The text as the server has it at `revision` (without our unconfirmed edits). */
  private confirmedTextValue: string;

  constructor(
    readonly clientId: string,
    private textValue: string,
    private revisionValue: number,
  ) {
    this.confirmedTextValue = textValue;
  }

  /** A client in the state a snapshot describes (of this or an earlier page), to replay its edits with {@link resync}. */
  static restore(snapshot: ClientDocumentSnapshot): ClientDocument {
    const doc = new ClientDocument(snapshot.clientId, snapshot.confirmedText, snapshot.revision);
    doc.nextSeq = snapshot.nextSeq;
    if (snapshot.awaiting !== null) {
      const operation = TextOperation.fromJSON(snapshot.awaiting.operation);
      doc.awaitingOp = { baseRevision: snapshot.revision, operation, clientSeq: snapshot.awaiting.clientSeq };
      doc.textValue = operation.apply(doc.textValue);
      if (snapshot.buffer !== null && snapshot.buffer !== undefined) {
        doc.buffer = TextOperation.fromJSON(snapshot.buffer);
        doc.textValue = doc.buffer.apply(doc.textValue);
      }
    }
    return doc;
  }

  get confirmedText(): string {
    return this.confirmedTextValue;
  }

  snapshot(): ClientDocumentSnapshot {
    return {
      clientId: this.clientId,
      revision: this.revisionValue,
      confirmedText: this.confirmedTextValue,
      awaiting: this.awaitingOp === null ? null : { operation: this.awaitingOp.operation.toJSON(), clientSeq: this.awaitingOp.clientSeq },
      buffer: this.buffer === null ? null : this.buffer.toJSON(),
      nextSeq: this.nextSeq,
    };
  }

  get text(): string {
    return this.textValue;
  }

  get revision(): number {
    return this.revisionValue;
  }

  get state(): ClientState {
    if (this.awaitingOp === null) return 'synchronized';
    return this.buffer === null ? 'awaitingAck' : 'awaitingWithBuffer';
  }

  /** The submission awaiting an ack, to resend after a reconnect. */
  get awaiting(): PendingOperation | null {
    return this.awaitingOp;
  }

  /** The local edits not yet confirmed by the server, as one operation on the last confirmed text (or null). */
  get unconfirmed(): TextOperation | null {
    if (this.awaitingOp === null) return null;
    return this.buffer === null ? this.awaitingOp.operation : TextOperation.compose(this.awaitingOp.operation, this.buffer);
  }

  /** Applies a local edit; returns the submission to send now, or null when one is already in flight. */
  applyLocal(operation: TextOperation): PendingOperation | null {
    this.textValue = operation.apply(this.textValue);
    if (this.awaitingOp === null) {
      this.awaitingOp = { baseRevision: this.revisionValue, operation, clientSeq: this.nextSeq++ };
      return this.awaitingOp;
    }
    this.buffer = this.buffer === null ? operation : TextOperation.compose(this.buffer, operation);
    return null;
  }

  /** The server applied our submission as `revision`; returns the next one to send, if any. */
  acknowledge(revision: number): PendingOperation | null {
    if (this.awaitingOp === null) throw new Error('Er wacht geen wijziging op bevestiging.');
    this.confirmedTextValue = this.awaitingOp.operation.apply(this.confirmedTextValue);
    this.revisionValue = revision;
    this.awaitingOp = null;
    if (this.buffer === null) return null;
    this.awaitingOp = { baseRevision: revision, operation: this.buffer, clientSeq: this.nextSeq++ };
    this.buffer = null;
    return this.awaitingOp;
  }

  /** Applies another client's operation over our pending edits; returns the operation as applied locally. */
  applyServer(operation: TextOperation, revision: number): TextOperation {
    this.confirmedTextValue = operation.apply(this.confirmedTextValue);
    let incoming = operation;
    if (this.awaitingOp !== null) {
      const [incomingPrime, awaitingPrime] = TextOperation.transform(incoming, this.awaitingOp.operation);
      incoming = incomingPrime;
      this.awaitingOp = { ...this.awaitingOp, operation: awaitingPrime };
      if (this.buffer !== null) {
        const [incomingPrime2, bufferPrime] = TextOperation.transform(incoming, this.buffer);
        incoming = incomingPrime2;
        this.buffer = bufferPrime;
      }
    }
    this.textValue = incoming.apply(this.textValue);
    this.revisionValue = revision;
    return incoming;
  }

  /**
   * After a reconnect: takes in what the server applied since our revision (our own submission among it counts as its
   * ack) and returns the pending submission to resend with the same sequence number, or null.
   */
  resync(missed: readonly AppliedOperation[]): PendingOperation | null {
    const ordered = missed.filter((a) => a.revision > this.revisionValue).sort((x, y) => x.revision - y.revision);
    for (const applied of ordered) {
      const awaiting = this.awaitingOp;
      if (awaiting !== null && applied.clientId === this.clientId && applied.clientSeq === awaiting.clientSeq) {
        this.acknowledge(applied.revision);
      } else {
        this.applyServer(applied.operation, applied.revision);
      }
    }
    if (this.awaitingOp === null) return null;
    this.awaitingOp = { ...this.awaitingOp, baseRevision: this.revisionValue };
    return this.awaitingOp;
  }
}

/** Maps a cursor or selection end of a remote user through an operation. */
export function mapIndex(index: number, operation: TextOperation, own = false): number {
  return operation.transformIndex(index, own);
}
