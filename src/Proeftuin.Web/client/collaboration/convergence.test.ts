// Simulated meetings against the TypeScript client: random edits, delays and reorderings between clients, dropped
// connections with messages in flight, resync and resubmit. Every client must end with the server's text.
import { describe, expect, it } from 'vitest';
import { ClientDocument, type AppliedOperation, type PendingOperation } from './client-document';
import { SeededRandom } from './random';
import { OperationBuilder, TextOperation } from './text-operation';

const SEEDS = 1000;
const ALPHABET = 'abcdeijnoprstuvwxyz ABCZ0189.,;\'"éëïöüÉ€ßçøñ中文Ωж\n';

function randomText(random: SeededRandom, maxLength: number): string {
  let text = '';
  const length = random.int(0, maxLength + 1);
  for (let i = 0; i < length; i++) text += ALPHABET[random.int(0, ALPHABET.length)];
  return text;
}

function randomEdit(random: SeededRandom, length: number): TextOperation {
  const builder = new OperationBuilder();
  let position = 0;
  const pieces = random.int(1, 4);
  for (let piece = 0; piece < pieces && position <= length; piece++) {
    const skip = random.int(0, length - position + 1);
    builder.retain(skip);
    position += skip;
    const kind = random.int(0, 3);
    if (kind === 0) {
      builder.insert(randomText(random, 5) || 'x');
    } else if (kind === 1) {
      const count = random.int(0, Math.min(6, length - position) + 1);
      builder.delete(count);
      position += count;
    } else {
      const count = random.int(0, Math.min(3, length - position) + 1);
      builder.delete(count).insert(randomText(random, 3));
      position += count;
    }
  }
  builder.retain(length - position);
  return builder.build();
}

/** The server side, as Proeftuin.Core.Collaboration.DocumentSession does it. */
class Server {
  readonly log: AppliedOperation[] = [];
  private readonly lastByClient = new Map<string, AppliedOperation>();

  constructor(public text: string) {}

  get revision(): number {
    return this.log.length;
  }

  submit(clientId: string, pending: PendingOperation): { applied: AppliedOperation; duplicate: boolean } {
    const last = this.lastByClient.get(clientId);
    if (last !== undefined && pending.clientSeq <= last.clientSeq) return { applied: last, duplicate: true };
    let operation = pending.operation;
    for (const concurrent of this.log.slice(pending.baseRevision)) operation = TextOperation.transform(concurrent.operation, operation)[1];
    this.text = operation.apply(this.text);
    const applied: AppliedOperation = { revision: this.log.length + 1, operation, clientId, clientSeq: pending.clientSeq };
    this.log.push(applied);
    this.lastByClient.set(clientId, applied);
    return { applied, duplicate: false };
  }
}

interface SimClient {
  doc: ClientDocument;
  up: PendingOperation[];
  down: { applied: AppliedOperation; ack: boolean }[];
  connected: boolean;
}

function simulate(seed: number): void {
  const random = new SeededRandom(seed);
  const initial = randomText(random, 12);
  const server = new Server(initial);
  const clients: SimClient[] = Array.from({ length: random.int(2, 6) }, (_, i) => ({
    doc: new ClientDocument(`c${i}`, initial, 0),
    up: [],
    down: [],
    connected: true,
  }));

  const deliverUp = (client: SimClient) => {
    const pending = client.connected ? client.up.shift() : undefined;
    if (pending === undefined) return;
    const { applied, duplicate } = server.submit(client.doc.clientId, pending);
    if (!duplicate) for (const other of clients) if (other !== client && other.connected) other.down.push({ applied, ack: false });
    client.down.push({ applied, ack: true });
  };
  const deliverDown = (client: SimClient) => {
    const message = client.connected ? client.down.shift() : undefined;
    if (message === undefined) return;
    if (message.ack) {
      const next = client.doc.acknowledge(message.applied.revision);
      if (next !== null) client.up.push(next);
    } else {
      client.doc.applyServer(message.applied.operation, message.applied.revision);
    }
  };
  const reconnect = (client: SimClient) => {
    client.connected = true;
    const resend = client.doc.resync(server.log.slice(client.doc.revision));
    if (resend !== null) client.up.push(resend);
  };

  const steps = random.int(20, 80);
  for (let step = 0; step < steps; step++) {
    const client = clients[random.int(0, clients.length)]!;
    const action = random.int(0, 10);
    if (action < 4) {
      const pending = client.doc.applyLocal(randomEdit(random, client.doc.text.length));
      if (pending !== null && client.connected) client.up.push(pending);
    } else if (action < 6) {
      deliverUp(client);
    } else if (action < 9) {
      deliverDown(client);
    } else if (client.connected) {
      client.connected = false;
      client.up.length = 0;
      client.down.length = 0;
    } else {
      reconnect(client);
    }
  }

  for (const client of clients) if (!client.connected) reconnect(client);
  while (clients.some((c) => c.up.length > 0 || c.down.length > 0)) {
    const client = clients[random.int(0, clients.length)]!;
    if (random.int(0, 2) === 0) deliverUp(client);
    else deliverDown(client);
  }

  for (const client of clients) {
    expect(client.doc.state).toBe('synchronized');
    expect(client.doc.text).toBe(server.text);
    expect(client.doc.revision).toBe(server.revision);
  }
  expect(server.log.reduce((text, applied) => applied.operation.apply(text), initial)).toBe(server.text);
}

describe('convergence under random concurrency', () => {
  it(`converges for ${SEEDS} seeds`, () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      try {
        simulate(seed);
      } catch (error) {
        throw new Error(`Seed ${seed} did not converge: ${String(error)}`);
      }
    }
  });
});

describe('client state machine', () => {
  it('buffers edits while awaiting an ack and sends them as one', () => {
    const doc = new ClientDocument('me', 'abc', 3);
    const first = doc.applyLocal(TextOperation.insertAt(3, 3, 'd'));
    const second = doc.applyLocal(TextOperation.insertAt(4, 4, 'e'));
    doc.applyLocal(TextOperation.insertAt(5, 5, 'f'));

    expect(first?.clientSeq).toBe(1);
    expect(second).toBeNull();
    expect(doc.state).toBe('awaitingWithBuffer');
    const next = doc.acknowledge(4);
    expect(next?.operation.toJSON()).toEqual([4, 'ef']);
    expect(next?.baseRevision).toBe(4);
    expect(doc.text).toBe('abcdef');
  });

  it('maps a remote cursor through an insert before it', () => {
    const doc = new ClientDocument('me', 'hello', 1);
    const applied = doc.applyServer(TextOperation.insertAt(5, 0, '>> '), 2);
    expect(applied.transformIndex(5, false)).toBe(8);
    expect(doc.text).toBe('>> hello');
  });
});
