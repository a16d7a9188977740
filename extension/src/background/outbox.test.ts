import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../test/fixtures';
import { Outbox } from './outbox';

let counter = 0;
const freshOutbox = () => new Outbox(`test-${++counter}`);

describe('Outbox', () => {
  it('keeps snapshots oldest first until removed', async () => {
    const outbox = freshOutbox();
    await outbox.add({ ...exampleSnapshot, id: 'b' }, 2);
    await outbox.add({ ...exampleSnapshot, id: 'a' }, 1);
    expect((await outbox.list()).map((e) => e.id)).toEqual(['a', 'b']);
    await outbox.remove('a');
    expect(await outbox.count()).toBe(1);
  });

  it('adding the same id twice keeps one entry', async () => {
    const outbox = freshOutbox();
    await outbox.add(exampleSnapshot, 1);
    await outbox.add(exampleSnapshot, 5);
    const entries = await outbox.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.queuedAt).toBe(1);
  });

  it('is durable: a new Outbox on the same database sees what the old one queued', async () => {
    const name = `durable-${++counter}`;
    await new Outbox(name).add(exampleSnapshot);
    expect(await new Outbox(name).count()).toBe(1);
  });
});
