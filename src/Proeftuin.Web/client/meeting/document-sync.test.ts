// DocumentSync against an in-memory server: the editor's text (fed only by what the sync reports) must always equal
// the sync's text, offline edits survive, and a submission lost with the connection is applied exactly once. Like the
// hub, the fake server sends what it applied in batches to the whole room, the sender included (its own operation is
// its ack), one tick after the first operation of the batch.
import { describe, expect, it } from 'vitest';
import { TextOperation } from '../collaboration/text-operation';
import { DocumentSync, type HubResult, type OperationMessage, type SubmitAck, type SyncTransport } from './document-sync';

/** A one-document server with an op log, idempotent (clientId, clientSeq) submissions and batched broadcasts. */
class FakeServer {
  text: string;
  readonly log: { revision: number; operation: TextOperation; clientId: string; clientSeq: number }[] = [];
  online = true;
  /** How long the answer to a submission takes; above the batch tick, the batch with the ack arrives first. */
  answerDelayMs = 0;
  batches = 0;
  private readonly listeners = new Map<string, (m: readonly OperationMessage[]) => void>();
  private queued: OperationMessage[] = [];

  constructor(text: string) {
    this.text = text;
  }

  connect(clientId: string, onBatch: (m: readonly OperationMessage[]) => void): SyncTransport {
    this.listeners.set(clientId, onBatch);
    return {
      submit: async (documentId, baseRevision, operation, id, clientSeq) => this.submit(documentId, baseRevision, operation, id, clientSeq),
      catchUp: async (documentId, revision) => ({
        ok: true,
        error: null,
        value: this.log.filter((e) => e.revision > revision).map((e) => ({ documentId, revision: e.revision, operation: e.operation.toJSON(), clientId: e.clientId, clientSeq: e.clientSeq })),
      }),
    };
  }

  private async submit(documentId: string, baseRevision: number, operation: TextOperation, clientId: string, clientSeq: number): Promise<HubResult<SubmitAck>> {
    await Promise.resolve();
    const existing = this.log.find((e) => e.clientId === clientId && e.clientSeq === clientSeq);
    if (existing) return { ok: true, error: null, value: { documentId, revision: existing.revision, clientSeq, duplicate: true } };
    let transformed = operation;
    // As the hub does: the logged operation is `a`, so at one place the earlier-applied insert goes first.
    for (const entry of this.log.filter((e) => e.revision > baseRevision)) [, transformed] = TextOperation.transform(entry.operation, transformed);
    this.text = transformed.apply(this.text);
    const revision = this.log.length + 1;
    this.log.push({ revision, operation: transformed, clientId, clientSeq });
    if (!this.online) throw new Error('connection lost after the server applied it');
    this.publish({ documentId, revision, operation: transformed.toJSON(), clientId, clientSeq });
    if (this.answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.answerDelayMs));
    return { ok: true, error: null, value: { documentId, revision, clientSeq, duplicate: false } };
  }

  /** The room's batch: everything applied until the tick, to everyone (the sender too). */
  private publish(message: OperationMessage): void {
    this.queued.push(message);
    if (this.queued.length > 1) return;
    setTimeout(() => {
      const batch = this.queued;
      this.queued = [];
      this.batches++;
      for (const listener of this.listeners.values()) listener(batch);
    }, 1);
  }
}

function participant(server: FakeServer, clientId: string) {
  let editor = server.text;
  let sync: DocumentSync | null = null;
  const transport = server.connect(clientId, (batch) => batch.forEach((m) => sync?.broadcast(m)));
  sync = new DocumentSync('case:1', server.text, 0, clientId, transport, {
    remote: (operation) => (editor = operation.apply(editor)),
    refused: (error) => {
      throw new Error(error.message);
    },
    pendingChanged: () => undefined,
  });
  const type = (index: number, text: string): void => {
    const operation = TextOperation.insertAt(editor.length, Math.min(index, editor.length), text);
    editor = operation.apply(editor);
    sync!.local(operation);
  };
  return { sync, type, editor: () => editor };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/** Waits on a condition (never a fixed time alone): the sync works through timers and promises. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
}

/** A sync fed by hand: what it submits is recorded and answered only when the test says so. */
function manual(text: string) {
  const submitted: { baseRevision: number; operation: TextOperation; clientSeq: number; answer: (r: HubResult<SubmitAck>) => void }[] = [];
  let editor = text;
  const sync = new DocumentSync('case:1', text, 0, 'me', {
    submit: (_documentId, baseRevision, operation, _clientId, clientSeq) =>
      new Promise((answer) => submitted.push({ baseRevision, operation, clientSeq, answer })),
    catchUp: async () => ({ ok: true, error: null, value: [] }),
  }, {
    remote: (operation) => (editor = operation.apply(editor)),
    refused: (error) => {
      throw new Error(error.message);
    },
    pendingChanged: () => undefined,
  });
  const type = (index: number, inserted: string): void => {
    const operation = TextOperation.insertAt(editor.length, index, inserted);
    editor = operation.apply(editor);
    sync.local(operation);
  };
  const message = (revision: number, operation: TextOperation, clientId: string, clientSeq: number): OperationMessage =>
    ({ documentId: 'case:1', revision, operation: operation.toJSON(), clientId, clientSeq });
  return { sync, type, submitted, message, editor: () => editor };
}

describe('DocumentSync', () => {
  it('keeps the editor equal to the state machine while two people type at once', async () => {
    const server = new FakeServer('De casus.');
    const a = participant(server, 'a');
    const b = participant(server, 'b');
    for (let i = 0; i < 20; i++) {
      a.type(0, 'a');
      b.type(100, 'b');
    }
    await until(() => [a, b].every((p) => !p.sync.hasPending && p.sync.revision === server.log.length));
    expect(a.editor()).toBe(a.sync.text);
    expect(b.editor()).toBe(b.sync.text);
    expect(a.sync.text).toBe(server.text);
    expect(b.sync.text).toBe(server.text);
    expect(server.text.length).toBe('De casus.'.length + 40);
  });

  it('keeps edits typed offline and applies a submission lost with the connection once', async () => {
    const server = new FakeServer('Tekst.');
    const a = participant(server, 'a');
    const b = participant(server, 'b');
    server.online = false;
    a.type(0, 'x'); // applied by the server, but the ack is lost
    await settle();
    a.sync.disconnected();
    a.type(0, 'offline ');
    server.online = true;
    b.type(100, ' online');
    await settle();
    await a.sync.resync();
    await until(() => !a.sync.hasPending && a.sync.revision === server.log.length);
    expect(server.text.split('x').length - 1).toBe(1);
    expect(server.text).toContain('offline ');
    expect(server.text).toContain(' online');
    expect(a.editor()).toBe(server.text);
    expect(a.sync.hasPending).toBe(false);
  });

  it('takes its own operation in a batch as the ack and sends the next edit before the answer arrives', async () => {
    const server = new FakeServer('Tekst.');
    server.answerDelayMs = 50;
    const a = participant(server, 'a');
    a.type(0, '1');
    a.type(0, '2'); // buffered behind the first
    // The second submission can only have been sent on the batch's ack: the first answer is still 50 ms away.
    await until(() => server.log.length === 2);
    expect(server.log.map((e) => e.clientSeq)).toEqual([1, 2]);
    await until(() => !a.sync.hasPending);
    expect(a.sync.revision).toBe(2);
    expect(a.editor()).toBe(server.text);
    expect(server.text).toBe('21Tekst.');
  });

  it('drops the answer that arrives after the batch already acknowledged the submission', async () => {
    const m = manual('abc');
    m.type(3, 'd');
    expect(m.submitted).toHaveLength(1);
    m.sync.broadcast(m.message(1, TextOperation.insertAt(3, 3, 'd'), 'me', 1));
    expect(m.sync.hasPending).toBe(false);
    m.submitted[0]!.answer({ ok: true, error: null, value: { documentId: 'case:1', revision: 1, clientSeq: 1, duplicate: false } });
    await settle();
    expect(m.sync.revision).toBe(1);
    expect(m.sync.text).toBe('abcd');
    expect(m.submitted).toHaveLength(1);
  });

  it('applies batches that arrive out of order in revision order, with the ack in its place', async () => {
    const m = manual('abc');
    m.type(0, 'x'); // our submission, based on revision 0
    // Revision 1 (another client) and 2 (our ack) are in the second batch, revision 3 came first.
    m.sync.broadcast(m.message(3, TextOperation.insertAt(5, 5, 'z'), 'other', 2));
    expect(m.sync.revision).toBe(0);
    m.sync.broadcast(m.message(1, TextOperation.insertAt(3, 3, 'y'), 'other', 1));
    m.sync.broadcast(m.message(2, TextOperation.insertAt(4, 0, 'x'), 'me', 1));
    expect(m.sync.revision).toBe(3);
    expect(m.sync.hasPending).toBe(false);
    expect(m.sync.text).toBe('xabcyz');
    expect(m.editor()).toBe('xabcyz');
  });

  it('sends what a burst of typing applied in fewer batches than operations', async () => {
    const server = new FakeServer('');
    const people = ['a', 'b', 'c', 'd'].map((id) => participant(server, id));
    for (let i = 0; i < 10; i++) people.forEach((p) => p.type(0, p.sync.clientId));
    await until(() => people.every((p) => !p.sync.hasPending) && server.text.length === 40);
    for (const p of people) expect(p.editor()).toBe(server.text);
    expect(server.batches).toBeLessThan(server.log.length);
  });
});
