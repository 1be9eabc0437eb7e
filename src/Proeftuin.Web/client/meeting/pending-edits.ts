// Edits the server has not confirmed yet are written to the pending store as they are typed, and after a reload or a
// crashed tab replayed: the stored client state is caught up over the durable op log (our own submission found there
// counts as confirmed, everyone else's is transformed in), and what remains is typed again as one local edit.

import { ClientDocument, type AppliedOperation, type ClientDocumentSnapshot } from '../collaboration/client-document';
import { TextOperation } from '../collaboration/text-operation';
import type { SyncTransport } from './document-sync';
import { pendingKey, type PendingRecord, type PendingStore } from './pending-store';

export type ReplayOutcome =
  /** Nothing stored, or everything stored had reached the server. */
  | { readonly kind: 'none' }
  /** This edit, on the server's text, brings back what was not confirmed. */
  | { readonly kind: 'replay'; readonly operation: TextOperation }
  /** The stored edits cannot be placed on the server's text (log too far on, server reset): the user's text to keep. */
  | { readonly kind: 'lost'; readonly text: string; readonly savedAt: string };

/** The server's text and revision as the room's snapshot gave them. */
export interface ServerText {
  readonly text: string;
  readonly revision: number;
}

/** Replays a stored client state over the operations the server applied after it, up to the server's revision. */
export function replayPending(snapshot: ClientDocumentSnapshot, missed: readonly AppliedOperation[], server: ServerText): TextOperation | null {
  if (snapshot.revision > server.revision) throw new Error('De opgeslagen versie is nieuwer dan die van de server.');
  const doc = ClientDocument.restore(snapshot);
  doc.resync(missed.filter((m) => m.revision <= server.revision));
  if (doc.revision !== server.revision || doc.confirmedText !== server.text) {
    throw new Error('De opgeslagen wijzigingen passen niet op de tekst van de server.');
  }
  const remaining = doc.unconfirmed;
  return remaining === null || remaining.isNoop ? null : remaining;
}

export class PendingEdits {
  private readonly latest = new Map<string, ClientDocumentSnapshot | null>();
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly store: PendingStore,
    private readonly userId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The document's unconfirmed state changed (null: all confirmed). Written in order, at most one write per document in
   * flight; states that arrive during a write are folded into the next, so the store ends at the latest state.
   */
  changed(documentId: string, snapshot: ClientDocumentSnapshot | null): void {
    const key = pendingKey(this.userId, documentId);
    this.latest.set(key, snapshot);
    if (this.writing.has(key)) return;
    this.writing.set(key, this.writeLoop(key, documentId));
  }

  /** Resolves when every write started so far is done (tests; and the leave warning's check). */
  async flushed(): Promise<void> {
    while (this.writing.size > 0) await Promise.all(this.writing.values());
  }

  /**
   * What to do with the edits stored for this document by an earlier page of this user. `server` is read after the
   * catch-up, as the document may have moved on by broadcasts meanwhile; then the catch-up is asked once more.
   */
  async restore(documentId: string, server: () => ServerText, transport: Pick<SyncTransport, 'catchUp'>): Promise<ReplayOutcome> {
    const record = await this.store.get(pendingKey(this.userId, documentId)).catch(() => undefined);
    if (record === undefined || record.userId !== this.userId) return { kind: 'none' };
    const { snapshot } = record;
    try {
      let missed: AppliedOperation[] = [];
      for (let attempt = 0; attempt < 2; attempt++) {
        const result = await transport.catchUp(documentId, snapshot.revision);
        if (!result.ok || result.value === null) throw new Error(result.error?.message ?? 'catch-up');
        missed = result.value.map((m) => ({
          revision: m.revision, operation: TextOperation.fromJSON(m.operation), clientId: m.clientId, clientSeq: m.clientSeq,
        }));
        const head = missed.reduce((max, m) => Math.max(max, m.revision), snapshot.revision);
        if (head >= server().revision) break;
      }
      const operation = replayPending(snapshot, missed, server());
      return operation === null ? { kind: 'none' } : { kind: 'replay', operation };
    } catch {
      return { kind: 'lost', text: ClientDocument.restore(snapshot).text, savedAt: record.savedAt };
    }
  }

  /** The user has seen (and could copy) edits that could not be replayed: remove them. */
  forget(documentId: string): void {
    this.changed(documentId, null);
  }

  private async writeLoop(key: string, documentId: string): Promise<void> {
    while (this.latest.has(key)) {
      const snapshot = this.latest.get(key) ?? null;
      this.latest.delete(key);
      const record: PendingRecord | null = snapshot === null ? null
        : { key, userId: this.userId, documentId, snapshot, savedAt: this.now().toISOString() };
      try {
        if (record === null) await this.store.delete(key);
        else await this.store.put(record);
      } catch (error) {
        // Storage full or unavailable: the edits still go to the server; only the safety net across a reload is gone.
        console.warn('Niet verzonden wijzigingen konden niet lokaal bewaard worden.', error);
      }
    }
    this.writing.delete(key);
  }
}
