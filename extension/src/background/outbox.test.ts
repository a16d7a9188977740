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

  it('joins a page that arrived in parts, in order, and forgets the parts', async () => {
    const outbox = freshOutbox();
    await outbox.addPart(exampleSnapshot.id, 1, 'world</p>');
    await outbox.addPart(exampleSnapshot.id, 0, '<p>hello ');
    await outbox.addFromParts({ ...exampleSnapshot, html: '' }, 2);
    const [entry] = await outbox.list();
    expect(entry!.snapshot.html).toBe('<p>hello world</p>');
    expect(await outbox.dropStaleParts(0, Date.now() + 1)).toBe(0);
  });

  it('refuses a page with a missing part and keeps what arrived', async () => {
    const outbox = freshOutbox();
    await outbox.addPart(exampleSnapshot.id, 0, 'a');
    await expect(outbox.addFromParts({ ...exampleSnapshot, html: '' }, 2)).rejects.toThrow('1 of 2 parts');
    expect(await outbox.count()).toBe(0);
    await outbox.addPart(exampleSnapshot.id, 1, 'b');
    await outbox.addFromParts({ ...exampleSnapshot, html: '' }, 2);
    expect((await outbox.list())[0]!.snapshot.html).toBe('ab');
  });

  it('drops parts of pages that never finished arriving', async () => {
    const outbox = freshOutbox();
    await outbox.addPart('gone', 0, 'x', 1_000);
    await outbox.addPart('recent', 0, 'y', 9_000);
    expect(await outbox.dropStaleParts(5_000, 10_000)).toBe(1);
  });
});
