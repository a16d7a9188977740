// The durable outbox: every snapshot is written here before the content script is told it is safe, and leaves only
// when the host has acknowledged it. IndexedDB survives service-worker and browser restarts.
import type { SnapshotV1 } from '../shared/protocol';

export interface OutboxEntry {
  id: string;
  snapshot: SnapshotV1;
  queuedAt: number;
  attempts: number;
  /** Earliest time (ms since epoch) of the next delivery attempt. */
  nextAttemptAt: number;
  lastError: string | null;
  /** Set when the host refused the snapshot as invalid: kept for the user to see, never retried automatically. */
  rejected: boolean;
}

const STORE = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class Outbox {
  private db: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly name = 'receiptguard',
    private readonly factory: IDBFactory = indexedDB,
  ) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = this.factory.open(this.name, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex('queuedAt', 'queuedAt');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('cannot open the outbox database'));
    });
    return this.db;
  }

  /** Queues a snapshot; a second add of the same id keeps the first (the content script may retry). */
  async add(snapshot: SnapshotV1, now = Date.now()): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const existing = await request(store.get(snapshot.id));
    if (!existing) {
      const entry: OutboxEntry = { id: snapshot.id, snapshot, queuedAt: now, attempts: 0, nextAttemptAt: now, lastError: null, rejected: false };
      store.add(entry);
    }
    await done(tx);
  }

  async put(entry: OutboxEntry): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(entry);
    await done(tx);
  }

  async remove(id: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(id);
    await done(tx);
  }

  /** Oldest first. */
  async list(): Promise<OutboxEntry[]> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const entries = await request(tx.objectStore(STORE).index('queuedAt').getAll() as IDBRequest<OutboxEntry[]>);
    await done(tx);
    return entries;
  }

  async has(id: string): Promise<boolean> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const n = await request(tx.objectStore(STORE).count(id));
    await done(tx);
    return n > 0;
  }

  async count(): Promise<number> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const n = await request(tx.objectStore(STORE).count());
    await done(tx);
    return n;
  }
}
