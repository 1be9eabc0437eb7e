// DocumentSync against an in-memory server: the editor's text (fed only by what the sync reports) must always equal
// the sync's text, offline edits survive, and a submission lost with the connection is applied exactly once.
import { describe, expect, it } from 'vitest';
import { TextOperation } from '../collaboration/text-operation';
import { DocumentSync, type HubResult, type OperationMessage, type SubmitAck, type SyncTransport } from './document-sync';

/** A one-document server with an op log and idempotent (clientId, clientSeq) submissions. */
class FakeServer {
  text: string;
  readonly log: { revision: number; operation: TextOperation; clientId: string; clientSeq: number }[] = [];
  online = true;
  private readonly listeners = new Map<string, (m: OperationMessage) => void>();

  constructor(text: string) {
    this.text = text;
  }

  connect(clientId: string, onBroadcast: (m: OperationMessage) => void): SyncTransport {
    this.listeners.set(clientId, onBroadcast);
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
    for (const entry of this.log.filter((e) => e.revision > baseRevision)) [transformed] = TextOperation.transform(transformed, entry.operation);
    this.text = transformed.apply(this.text);
    const revision = this.log.length + 1;
    this.log.push({ revision, operation: transformed, clientId, clientSeq });
    if (!this.online) throw new Error('connection lost after the server applied it');
    for (const [id, listener] of this.listeners) {
      if (id !== clientId) listener({ documentId, revision, operation: transformed.toJSON(), clientId, clientSeq });
    }
    return { ok: true, error: null, value: { documentId, revision, clientSeq, duplicate: false } };
  }
}

function participant(server: FakeServer, clientId: string) {
  let editor = server.text;
  let sync: DocumentSync | null = null;
  const transport = server.connect(clientId, (m) => sync?.broadcast(m));
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

describe('DocumentSync', () => {
  it('keeps the editor equal to the state machine while two people type at once', async () => {
    const server = new FakeServer('De casus.');
    const a = participant(server, 'a');
    const b = participant(server, 'b');
    for (let i = 0; i < 20; i++) {
      a.type(0, 'a');
      b.type(100, 'b');
    }
    await settle();
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
    await settle();
    expect(server.text.split('x').length - 1).toBe(1);
    expect(server.text).toContain('offline ');
    expect(server.text).toContain(' online');
    expect(a.editor()).toBe(server.text);
    expect(a.sync.hasPending).toBe(false);
  });
});
