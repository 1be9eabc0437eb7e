// Unconfirmed edits across a reload: stored as typed, replayed over what the server applied meanwhile, never applied
// twice, never replayed for another user, and offered back as text when they no longer fit.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ClientDocument } from '../collaboration/client-document';
import { TextOperation } from '../collaboration/text-operation';
import type { OperationMessage, SyncTransport } from './document-sync';
import { PendingEdits } from './pending-edits';
import { IndexedDbPendingStore, MemoryPendingStore, pendingKey, type PendingStore } from './pending-store';

const documentId = 'case:0123456789abcdef0123456789abcdef';

/** A server's op log for one document: applies operations (transformed to its head) and serves catch-up. */
class Log {
  readonly entries: OperationMessage[] = [];

  constructor(public text: string) {}

  get revision(): number {
    return this.entries.length;
  }

  apply(operation: TextOperation, baseRevision: number, clientId: string, clientSeq: number): void {
    let transformed = operation;
    for (const entry of this.entries.slice(baseRevision)) [transformed] = TextOperation.transform(transformed, TextOperation.fromJSON(entry.operation));
    this.text = transformed.apply(this.text);
    this.entries.push({ documentId, revision: this.revision + 1, operation: transformed.toJSON(), clientId, clientSeq });
  }

  get transport(): Pick<SyncTransport, 'catchUp'> {
    return { catchUp: async (_id, revision) => ({ ok: true, error: null, value: this.entries.filter((e) => e.revision > revision) }) };
  }
}

const insert = (text: string, at: number, value: string) => TextOperation.insertAt(text.length, at, value);

async function typedOffline(store: PendingStore, userId = 'user-1'): Promise<{ log: Log; doc: ClientDocument }> {
  const log = new Log('Hallo');
  const doc = new ClientDocument('web-1', log.text, 0);
  const edits = new PendingEdits(store, userId);
  doc.applyLocal(insert(doc.text, 5, ' wereld'));
  edits.changed(documentId, doc.snapshot());
  doc.applyLocal(insert(doc.text, 12, '!'));
  edits.changed(documentId, doc.snapshot());
  await edits.flushed();
  return { log, doc };
}

describe('pending edits across a reload', () => {
  it('replays edits typed offline over what another member typed meanwhile', async () => {
    const store = new MemoryPendingStore();
    const { log } = await typedOffline(store);
    log.apply(insert(log.text, 0, 'Zeg: '), 0, 'web-other', 1);

    const outcome = await new PendingEdits(store, 'user-1').restore(documentId, () => ({ text: log.text, revision: log.revision }), log.transport);

    expect(outcome.kind).toBe('replay');
    if (outcome.kind === 'replay') expect(outcome.operation.apply(log.text)).toBe('Zeg: Hallo wereld!');
  });

  it('does not apply twice a submission the server applied before the tab went away', async () => {
    const store = new MemoryPendingStore();
    const log = new Log('Hallo');
    const doc = new ClientDocument('web-1', log.text, 0);
    const edits = new PendingEdits(store, 'user-1');
    const sent = doc.applyLocal(insert(doc.text, 5, ' wereld'))!;
    doc.applyLocal(insert(doc.text, 12, '!'));
    edits.changed(documentId, doc.snapshot());
    await edits.flushed();
    log.apply(sent.operation, sent.baseRevision, 'web-1', sent.clientSeq); // applied, but the ack never arrived

    const outcome = await new PendingEdits(store, 'user-1').restore(documentId, () => ({ text: log.text, revision: log.revision }), log.transport);

    expect(outcome.kind).toBe('replay');
    if (outcome.kind === 'replay') expect(outcome.operation.apply(log.text)).toBe('Hallo wereld!');
  });

  it('has nothing to replay once every edit was confirmed and the record removed', async () => {
    const store = new MemoryPendingStore();
    const edits = new PendingEdits(store, 'user-1');
    edits.changed(documentId, new ClientDocument('web-1', 'a', 0).snapshot());
    edits.changed(documentId, null);
    await edits.flushed();
    expect(store.records.size).toBe(0);
    const log = new Log('a');
    expect((await edits.restore(documentId, () => ({ text: 'a', revision: 0 }), log.transport)).kind).toBe('none');
  });

  it('keeps only the latest state when edits come faster than the store writes', async () => {
    const store = new MemoryPendingStore();
    const edits = new PendingEdits(store, 'user-1');
    const doc = new ClientDocument('web-1', '', 0);
    for (const letter of 'abcdef') {
      doc.applyLocal(insert(doc.text, doc.text.length, letter));
      edits.changed(documentId, doc.snapshot());
    }
    await edits.flushed();
    expect(ClientDocument.restore(store.records.get(pendingKey('user-1', documentId))!.snapshot).text).toBe('abcdef');
  });

  it('never replays one user\'s edits for another user on the same browser', async () => {
    const store = new MemoryPendingStore();
    const { log } = await typedOffline(store, 'user-1');
    const outcome = await new PendingEdits(store, 'user-2').restore(documentId, () => ({ text: log.text, revision: log.revision }), log.transport);
    expect(outcome.kind).toBe('none');
  });

  it('offers the user\'s text back when the edits no longer fit the server\'s text', async () => {
    const store = new MemoryPendingStore();
    await typedOffline(store);
    const reset = new Log('Iets anders'); // the server's log does not hold the stored revision's history
    const outcome = await new PendingEdits(store, 'user-1').restore(documentId, () => ({ text: 'Iets anders', revision: 3 }), reset.transport);
    expect(outcome).toMatchObject({ kind: 'lost', text: 'Hallo wereld!' });
  });
});

describe('IndexedDB pending store', () => {
  it('keeps a record across store instances (a new page) until it is deleted', async () => {
    const first = new IndexedDbPendingStore();
    const snapshot = new ClientDocument('web-1', 'tekst', 4).snapshot();
    await first.put({ key: 'k', userId: 'u', documentId, snapshot, savedAt: '2026-12-02T10:00:00.000Z' });

    const second = new IndexedDbPendingStore();
    expect((await second.get('k'))?.snapshot).toEqual(snapshot);
    await second.delete('k');
    expect(await new IndexedDbPendingStore().get('k')).toBeUndefined();
  });
});
