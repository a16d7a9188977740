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
/** Parts of a large page that is still arriving from a content script: [snapshot id, index] → text. */
const PARTS = 'parts';

interface PartRecord {
  id: string;
  index: number;
  text: string;
  receivedAt: number;
}

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
      const req = this.factory.open(this.name, 2);
      req.onupgradeneeded = (event) => {
        const db = req.result;
        if (event.oldVersion < 1) db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('queuedAt', 'queuedAt');
        if (event.oldVersion < 2) db.createObjectStore(PARTS, { keyPath: ['id', 'index'] }).createIndex('receivedAt', 'receivedAt');
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

  /** Keeps one part of a large page until the snapshot it belongs to arrives. */
  async addPart(id: string, index: number, text: string, now = Date.now()): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(PARTS, 'readwrite');
    const part: PartRecord = { id, index, text, receivedAt: now };
    tx.objectStore(PARTS).put(part);
    await done(tx);
  }

  /**
   * Queues a snapshot whose html arrived in `count` parts: the parts are joined into it and removed in the same
   * transaction, so a crash leaves either the parts or the queued snapshot, never neither. A missing part is an error
   * (the sender is told and can send again).
   */
  async addFromParts(snapshot: SnapshotV1, count: number, now = Date.now()): Promise<void> {
    const db = await this.open();
    const tx = db.transaction([STORE, PARTS], 'readwrite');
    const store = tx.objectStore(STORE);
    const parts = tx.objectStore(PARTS);
    if (await request(store.get(snapshot.id))) {
      await done(tx);
      return;
    }
    const range = IDBKeyRange.bound([snapshot.id, 0], [snapshot.id, count - 1]);
    const received = await request(parts.getAll(range) as IDBRequest<PartRecord[]>);
    if (received.length !== count) {
      tx.abort();
      await done(tx).catch(() => undefined);
      throw new Error(`page ${snapshot.id} arrived incomplete: ${received.length} of ${count} parts`);
    }
    const html = received.map((part) => part.text).join('');
    const entry: OutboxEntry = { id: snapshot.id, snapshot: { ...snapshot, html }, queuedAt: now, attempts: 0, nextAttemptAt: now, lastError: null, rejected: false };
    store.add(entry);
    parts.delete(range);
    await done(tx);
  }

  /** Drops parts of pages that never finished arriving (the tab was closed mid-way), older than `age` ms. */
  async dropStaleParts(age: number, now = Date.now()): Promise<number> {
    const db = await this.open();
    const tx = db.transaction(PARTS, 'readwrite');
    const index = tx.objectStore(PARTS).index('receivedAt');
    const keys = await request(index.getAllKeys(IDBKeyRange.upperBound(now - age)));
    for (const key of keys) tx.objectStore(PARTS).delete(key);
    await done(tx);
    return keys.length;
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
