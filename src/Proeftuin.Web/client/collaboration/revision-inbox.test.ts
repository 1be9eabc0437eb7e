import { describe, expect, it } from 'vitest';
import { ClientDocument } from './client-document';
import { RevisionInbox } from './revision-inbox';
import { TextOperation } from './text-operation';

describe('revision inbox', () => {
  it('runs events in revision order whatever order they arrive in', () => {
    const inbox = new RevisionInbox(3);
    const seen: number[] = [];
    inbox.deliver(6, () => seen.push(6));
    inbox.deliver(5, () => seen.push(5));
    inbox.deliver(3, () => seen.push(3));
    inbox.deliver(4, () => seen.push(4));
    expect(seen).toEqual([4, 5, 6]);
    expect(inbox.revision).toBe(6);
  });

  it('keeps a client correct when its ack overtakes an earlier broadcast', () => {
    // Server: revision 1 is another client's insert at 0, revision 2 is our insert (transformed over it).
    const doc = new ClientDocument('me', 'abc', 0);
    const inbox = new RevisionInbox(0);
    doc.applyLocal(TextOperation.insertAt(3, 3, 'Z'));

    inbox.deliver(2, () => doc.acknowledge(2));
    inbox.deliver(1, () => doc.applyServer(TextOperation.insertAt(3, 0, 'X'), 1));

    expect(doc.text).toBe('XabcZ');
    expect(doc.revision).toBe(2);
    expect(doc.state).toBe('synchronized');
  });
});
