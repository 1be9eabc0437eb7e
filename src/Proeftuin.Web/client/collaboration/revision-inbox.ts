// Puts what the server says about a document back in revision order before the client state machine sees it: the
// ack of our own operation and other people's operations are separate messages and can overtake each other.
// The twin of Proeftuin.Core.Collaboration.RevisionInbox.

export class RevisionInbox {
  private readonly waiting = new Map<number, () => void>();

  constructor(private revisionValue: number) {}

  get revision(): number {
    return this.revisionValue;
  }

  /** Queues the handling of `eventRevision` and runs whatever is now in order; older revisions are duplicates. */
  deliver(eventRevision: number, handle: () => void): void {
    if (eventRevision <= this.revisionValue) return;
    this.waiting.set(eventRevision, handle);
    let next = this.waiting.get(this.revisionValue + 1);
    while (next !== undefined) {
      this.waiting.delete(this.revisionValue + 1);
      this.revisionValue++;
      next();
      next = this.waiting.get(this.revisionValue + 1);
    }
  }
}
