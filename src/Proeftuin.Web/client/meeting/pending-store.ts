// Where unconfirmed edits wait across a reload or a crashed tab: one record per user and document, in IndexedDB in the
// browser (an in-memory store for tests). Only the editing user's own browser holds them, and only until the server
// confirmed them; logging out clears the database (site.ts).

import type { ClientDocumentSnapshot } from '../collaboration/client-document';

export interface PendingRecord {
  /** `${userId} ${documentId}`: a record is replayed only for the user who typed it. */
  readonly key: string;
  readonly userId: string;
  readonly documentId: string;
  readonly snapshot: ClientDocumentSnapshot;
  /** ISO time of the last change, to tell the user how old restored edits are. */
  readonly savedAt: string;
}

export interface PendingStore {
  get(key: string): Promise<PendingRecord | undefined>;
  put(record: PendingRecord): Promise<void>;
  delete(key: string): Promise<void>;
}

export function pendingKey(userId: string, documentId: string): string {
  return `${userId} ${documentId}`;
}

export class MemoryPendingStore implements PendingStore {
  readonly records = new Map<string, PendingRecord>();

  async get(key: string): Promise<PendingRecord | undefined> {
    const record = this.records.get(key);
    return record === undefined ? undefined : structuredClone(record);
  }

  async put(record: PendingRecord): Promise<void> {
    this.records.set(record.key, structuredClone(record));
  }

  async delete(key: string): Promise<void> {
    this.records.delete(key);
  }
}

export const PENDING_DATABASE = 'proeftuin-pending-edits';
const STORE = 'edits';

export class IndexedDbPendingStore implements PendingStore {
  private database: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory = indexedDB) {}

  async get(key: string): Promise<PendingRecord | undefined> {
    return this.run('readonly', (store) => store.get(key)) as Promise<PendingRecord | undefined>;
  }

  async put(record: PendingRecord): Promise<void> {
    await this.run('readwrite', (store) => store.put(record));
  }

  async delete(key: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(key));
  }

  /** Resolves when the transaction completed: a write is then on disk, so it survives a crash of the tab. */
  private async run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const database = await this.open();
    return new Promise((resolve, reject) => {
      const transaction = database.transaction(STORE, mode, { durability: 'strict' });
      const pending = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(pending.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB'));
    });
  }

  private open(): Promise<IDBDatabase> {
    this.database ??= new Promise((resolve, reject) => {
      const opening = this.factory.open(PENDING_DATABASE, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'key' });
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error ?? new Error('IndexedDB'));
    });
    return this.database;
  }
}

/** The browser's store, or the in-memory one where IndexedDB is unavailable (private mode of some browsers). */
export function browserPendingStore(): PendingStore {
  return typeof indexedDB === 'undefined' ? new MemoryPendingStore() : new IndexedDbPendingStore();
}
