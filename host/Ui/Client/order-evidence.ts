// One order's evidence, gathered from the existing API: its snapshots (full-text search on the id), each one's
// detail and parse, and the newest parsed view of the order itself.
import { getParsed, getSnapshot, searchSnapshots, type ParsedOrder, type ParsedPage, type SnapshotSummary } from './api';

export interface OrderSnapshot {
  snapshot: SnapshotSummary;
  /** The parse of the page, or null while pending or when it failed. */
  page: ParsedPage | null;
}

export interface OrderEvidence {
  orderId: string;
  /** Oldest first. */
  snapshots: OrderSnapshot[];
  /** The order as the newest parse that found it shows it. */
  order: ParsedOrder | null;
  platform: string | null;
}

export async function loadOrderEvidence(orderId: string): Promise<OrderEvidence> {
  const hits = (await searchSnapshots(orderId, 200)).items;
  const snapshots = await Promise.all(
    hits.map(async (hit): Promise<OrderSnapshot> => {
      const snapshot = await getSnapshot(hit.id);
      const page = await getParsed(hit.id).catch(() => null);
      return { snapshot, page };
    }),
  );
  // Pages that merely mention the id elsewhere stay out: the snapshot must be about this order or list it.
  const relevant = snapshots.filter(({ snapshot, page }) => snapshot.orderHint === orderId || page?.orders.some((o) => o.orderId.value === orderId));
  relevant.sort((a, b) => a.snapshot.capturedAt.localeCompare(b.snapshot.capturedAt));
  let order: ParsedOrder | null = null;
  let platform: string | null = null;
  for (const { page } of relevant) {
    const found = page?.orders.find((o) => o.orderId.value === orderId);
    if (found) {
      order = found;
      platform = page!.platform;
    } else if (page && !platform) {
      platform = page.platform;
    }
  }
  return { orderId, snapshots: relevant, order, platform };
}

/** When the order was confirmed: the first guarded snapshot whose decision was to confirm. */
export function confirmedAt(evidence: OrderEvidence): string | null {
  return evidence.snapshots.find(({ snapshot }) => snapshot.capture === 'guard' && snapshot.decision === 'confirmed')?.snapshot.capturedAt ?? null;
}
