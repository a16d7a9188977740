import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { exampleSnapshot } from '../../test/fixtures';
import { backoff, deliverPending } from './delivery';
import type { PostResult } from './host-client';
import { Outbox } from './outbox';

let counter = 0;

async function outboxWith(...ids: string[]): Promise<Outbox> {
  const outbox = new Outbox(`delivery-${++counter}`);
  for (const [i, id] of ids.entries()) await outbox.add({ ...exampleSnapshot, id }, i);
  return outbox;
}

describe('deliverPending', () => {
  it('removes what the host acknowledged', async () => {
    const outbox = await outboxWith('a', 'b');
    const post = vi.fn(async (): Promise<PostResult> => ({ kind: 'delivered' }));
    const report = await deliverPending(outbox, post, () => 10);
    expect(report).toEqual({ delivered: 2, pending: 0, rejected: 0, lastError: null, unpaired: false });
    expect(await outbox.count()).toBe(0);
  });

  it('keeps everything when the host is down, tries only once, and backs off', async () => {
    const outbox = await outboxWith('a', 'b');
    const post = vi.fn(async (): Promise<PostResult> => ({ kind: 'retry', error: 'down' }));
    const report = await deliverPending(outbox, post, () => 1_000);
    expect(post).toHaveBeenCalledTimes(1);
    expect(report.pending).toBe(2);
    const [first] = await outbox.list();
    expect(first!.attempts).toBe(1);
    expect(first!.nextAttemptAt).toBe(1_000 + backoff(1));

    // The host is back: the snapshot that failed waits out its backoff, the other one goes now.
    post.mockResolvedValue({ kind: 'delivered' });
    await deliverPending(outbox, post, () => 1_001);
    expect((await outbox.list()).map((e) => e.id)).toEqual(['a']);
    await deliverPending(outbox, post, () => 1_000 + backoff(1));
    expect(await outbox.count()).toBe(0);
  });

  it('delivers at once, backoff or not, when the host has just been seen up', async () => {
    const outbox = await outboxWith('a');
    const down = vi.fn(async (): Promise<PostResult> => ({ kind: 'retry', error: 'down' }));
    await deliverPending(outbox, down, () => 1_000);
    const up = vi.fn(async (): Promise<PostResult> => ({ kind: 'delivered' }));
    await deliverPending(outbox, up, () => 1_001);
    expect(up).not.toHaveBeenCalled();
    await deliverPending(outbox, up, () => 1_001, true);
    expect(up).toHaveBeenCalledTimes(1);
    expect(await outbox.count()).toBe(0);
  });

  it('keeps a rejected snapshot for the user but stops retrying it', async () => {
    const outbox = await outboxWith('bad', 'good');
    const post = vi.fn(async (s: { id: string }): Promise<PostResult> =>
      s.id === 'bad' ? { kind: 'rejected', error: 'host answered 400' } : { kind: 'delivered' },
    );
    const report = await deliverPending(outbox, post, () => 10);
    expect(report).toMatchObject({ delivered: 1, rejected: 1, lastError: 'host answered 400' });
    await deliverPending(outbox, post, () => 10 ** 9);
    expect(post).toHaveBeenCalledTimes(2);
    expect((await outbox.list()).map((e) => [e.id, e.rejected])).toEqual([['bad', true]]);
  });
});

describe('deliverPending while not paired', () => {
  it('keeps every snapshot on a 401, neither rejected nor backed off, and delivers them once paired', async () => {
    const outbox = await outboxWith('a', 'b');
    const refused = vi.fn(async (): Promise<PostResult> => ({ kind: 'unpaired', error: 'host answered 401: Not paired' }));
    const report = await deliverPending(outbox, refused, () => 1_000);
    expect(report).toEqual({ delivered: 0, pending: 2, rejected: 0, lastError: 'host answered 401: Not paired', unpaired: true });
    // One answer says enough: the second snapshot was not sent to be refused again.
    expect(refused).toHaveBeenCalledTimes(1);
    const kept = await outbox.list();
    expect(kept.map((e) => [e.id, e.rejected, e.attempts, e.nextAttemptAt])).toEqual([
      ['a', false, 0, 0],
      ['b', false, 0, 1],
    ]);

    // Paired again: both go at once, no backoff to wait out.
    const paired = vi.fn(async (): Promise<PostResult> => ({ kind: 'delivered' }));
    expect(await deliverPending(outbox, paired, () => 1_001)).toMatchObject({ delivered: 2, unpaired: false });
    expect(await outbox.count()).toBe(0);
  });
});

describe('backoff', () => {
  it('doubles up to a ceiling', () => {
    expect([1, 2, 3].map(backoff)).toEqual([2_000, 4_000, 8_000]);
    expect(backoff(50)).toBe(5 * 60_000);
  });
});
