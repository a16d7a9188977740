// One delivery pass over the outbox, oldest first, with exponential backoff per snapshot.
import type { SnapshotV1 } from '../shared/protocol';
import type { PostResult } from './host-client';
import type { Outbox } from './outbox';

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export function backoff(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryReport {
  delivered: number;
  /** Waiting for a later attempt (not counting rejected ones). */
  pending: number;
  rejected: number;
  lastError: string | null;
  /** The host wants pairing (401, or no token yet): everything waits for it, nothing is given up. */
  unpaired: boolean;
}

export async function deliverPending(
  outbox: Outbox,
  post: (snapshot: SnapshotV1) => Promise<PostResult>,
  now: () => number = Date.now,
  /** The host has just been seen up (its hub answered): waiting out the backoff would only delay the evidence. */
  skipBackoff = false,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, pending: 0, rejected: 0, lastError: null, unpaired: false };
  let hostDown = false;
  for (const entry of await outbox.list()) {
    if (entry.rejected) {
      report.rejected++;
      continue;
    }
    // Once the host is unreachable or wants pairing, the rest waits: one answer says enough.
    if (hostDown || report.unpaired || (!skipBackoff && entry.nextAttemptAt > now())) {
      report.pending++;
      continue;
    }
    const result = await post(entry.snapshot);
    if (result.kind === 'delivered') {
      await outbox.remove(entry.id);
      report.delivered++;
      continue;
    }
    if (result.kind === 'unpaired') {
      // Not the snapshot's fault: no attempt counted, no backoff, so it goes the moment the extension is paired.
      report.unpaired = true;
      report.lastError = result.error;
      report.pending++;
      continue;
    }
    entry.attempts++;
    entry.lastError = result.error;
    report.lastError = result.error;
    if (result.kind === 'rejected') {
      entry.rejected = true;
      report.rejected++;
    } else {
      entry.nextAttemptAt = now() + backoff(entry.attempts);
      report.pending++;
      hostDown = true;
    }
    await outbox.put(entry);
  }
  return report;
}
