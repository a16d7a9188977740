// "/orders/{orderId}": what happened to one order — its summary, the parsed fields of the newest page that showed it
// (each value with its source), the timeline of its snapshots with status changes, and the next steps (guide, report,
// export). Refreshed live when a snapshot of it arrives or is parsed.
import { exportUrl, type SnapshotCheck } from './api';
import { el, formatTime } from './format';
import { t, type MessageKey } from './i18n';
import { connectLive } from './live';
import { orderDecisionLabel, platformName, statusWords } from './order-format';
import { renderTimeline } from './order-timeline';
import { checkTimeline } from './snapshot-check';
import { getOrder, OrdersApiError, type OrderDetail } from './orders-api';
import { showError } from './page';
import { formatAmount, orderView } from './parsed-orders';

/** The order id from the address: "/orders/3312345678901234567". */
export function orderIdFromPath(path: string): string | null {
  const encoded = /^\/orders\/([^/]+)\/?$/.exec(path)?.[1];
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** Where the next steps live for this order. */
export function orderLinks(orderId: string, platform: string): { guide: string; report: string; zip: string; wacz: string } {
  const guide = new URLSearchParams({ order: orderId });
  if (platform) guide.set('platform', platform);
  return {
    guide: `/guide?${guide.toString()}`,
    report: `/report?${new URLSearchParams({ order: orderId }).toString()}`,
    zip: exportUrl({ order: orderId }, 'zip'),
    wacz: exportUrl({ order: orderId }, 'wacz'),
  };
}

function renderSummary(order: OrderDetail, list: HTMLElement): void {
  const entries: [MessageKey, string][] = [
    ['orderSummaryPlatform', order.platform ? platformName(order.platform) : '—'],
    ['orderSummaryShop', order.shop ?? '—'],
    ['orderSummaryItems', order.items.length > 0 ? order.items.join(' · ') : '—'],
    ['orderSummaryTotal', order.total === null ? '—' : formatAmount(Number(order.total), order.currency)],
    ['orderSummaryStatus', statusWords(order.status, null)],
    ['orderSummaryDecision', orderDecisionLabel(order.lastDecision)],
    ['orderSummarySnapshots', String(order.snapshotCount)],
    ['orderSummaryFirst', formatTime(order.firstCapturedAt)],
    ['orderSummaryLast', formatTime(order.lastCapturedAt)],
  ];
  list.replaceChildren(...entries.flatMap(([label, value]) => [el('dt', t(label)), el('dd', value)]));
}

function renderNext(order: OrderDetail, box: HTMLElement): void {
  const links = orderLinks(order.orderId, order.platform);
  box.replaceChildren(
    el('a', t('orderGuideLink'), { href: links.guide, class: 'button primary', id: 'order-guide' }),
    el('a', t('orderReportLink'), { href: links.report, class: 'button', id: 'order-report' }),
    el('a', t('orderExportZip'), { href: links.zip, class: 'button', download: '', id: 'order-export-zip' }),
    el('a', t('orderExportWacz'), { href: links.wacz, class: 'button', download: '', id: 'order-export-wacz' }),
  );
}

function renderParsed(order: OrderDetail, hint: HTMLElement, box: HTMLElement): void {
  if (!order.parsed) {
    hint.textContent = t('orderFieldsNone');
    box.replaceChildren();
    return;
  }
  hint.textContent = t('orderFieldsHint', { time: formatTime(order.parsed.capturedAt) });
  const source = el('p');
  source.append(el('a', t('orderFieldsSource'), { href: `/snapshots/${encodeURIComponent(order.parsed.snapshotId)}` }));
  box.replaceChildren(orderView({ ...order.parsed.order, isSubject: false }), source);
}

export async function startOrderPage(): Promise<void> {
  const orderId = orderIdFromPath(location.pathname);
  const title = document.getElementById('order-title')!;
  const content = document.getElementById('order-content')!;
  const summary = document.getElementById('order-summary')!;
  const next = document.getElementById('order-next')!;
  const fieldsHint = document.getElementById('order-fields-hint')!;
  const fields = document.getElementById('order-fields')!;
  const timeline = document.getElementById('timeline')!;
  if (!orderId) {
    showError(t('orderNotFound'));
    return;
  }
  title.textContent = t('orderHeading', { id: orderId });
  document.title = `ReceiptGuard — ${t('orderHeading', { id: orderId })}`;

  let snapshots = new Set<string>();
  const checks = new Map<string, SnapshotCheck>();
  async function load(): Promise<void> {
    try {
      const order = await getOrder(orderId!);
      snapshots = new Set(order.timeline.map((entry) => entry.snapshotId));
      renderSummary(order, summary);
      renderNext(order, next);
      renderParsed(order, fieldsHint, fields);
      renderTimeline(order.timeline, timeline);
      content.hidden = false;
      void checkTimeline(timeline, checks);
    } catch (error) {
      showError(error instanceof OrdersApiError && error.status === 404 ? t('orderNotFound') : t('loadFailed', { message: (error as Error).message }));
    }
  }

  await load();
  let pending: number | undefined;
  const refresh = (): void => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => void load(), 250);
  };
  await connectLive({
    snapshotStored(snapshot) {
      if (snapshot.orderHint === orderId) refresh();
    },
    // A parse may find this order on any page (a list page captured by hand): ask again.
    snapshotParsed: refresh,
    snapshotDeleted(id) {
      if (snapshots.has(id)) refresh();
    },
  });
}
