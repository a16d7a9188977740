// The orders the host read from a snapshot's page ("/snapshots/{id}", section "Orders read from the page"). Every value
// carries a badge saying where it was read, so a reader knows how far to trust it. Text only: nothing from the page is
// parsed as HTML, and only http(s) links are made clickable.
import type { FieldSource, OrderStatus, ParsedItem, ParsedLogistics, ParsedOrder, ParsedPage, ParseStatus, Sourced } from './api';
import { el } from './format';
import { locale, t, type MessageKey } from './i18n';

const SOURCE_LABELS: Record<FieldSource, MessageKey> = { embedded: 'sourceEmbedded', selector: 'sourceSelector', label: 'sourceLabel' };

const STATUS_LABELS: Record<OrderStatus, MessageKey> = {
  unknown: 'statusUnknown',
  awaitingPayment: 'statusAwaitingPayment',
  awaitingShipment: 'statusAwaitingShipment',
  shipped: 'statusShipped',
  delivered: 'statusDelivered',
  completed: 'statusCompleted',
  closed: 'statusClosed',
  refunding: 'statusRefunding',
};

const KIND_LABELS: Record<ParsedPage['kind'], MessageKey> = { unknown: 'kindUnknown', list: 'kindList', detail: 'kindDetail', logistics: 'kindLogistics' };

function sourceBadge(source: FieldSource): HTMLElement {
  return el('span', t(SOURCE_LABELS[source] ?? 'sourceLabel'), { class: `source source-${source}` });
}

/** The value followed by its source badge. */
function sourced<T>(field: Sourced<T>, format: (value: T) => string = String): HTMLElement {
  const span = el('span', `${format(field.value)} `);
  span.append(sourceBadge(field.source));
  return span;
}

export function formatAmount(amount: number, currency: string | null): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      // an unknown code: fall through to the plain number
    }
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(amount);
}

/** Only web links open: a page could carry javascript: or other schemes in an action. */
export function isWebUrl(url: string | null): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function itemsTable(items: ParsedItem[], currency: string | null): HTMLElement {
  const table = el('table', undefined, { class: 'items' });
  const head = el('tr');
  for (const key of ['itemTitle', 'itemSku', 'itemQuantity', 'itemPrice', 'itemPaid'] as const) head.append(el('th', t(key)));
  table.append(head);
  const money = (value: number): string => formatAmount(value, currency);
  for (const item of items) {
    const row = el('tr');
    const cells: (HTMLElement | string)[] = [
      item.title ? sourced(item.title) : '—',
      item.sku ? sourced(item.sku) : '—',
      item.quantity ? sourced(item.quantity) : '—',
      item.unitPrice ? sourced(item.unitPrice, money) : '—',
      item.paidAmount ? sourced(item.paidAmount, money) : '—',
    ];
    for (const cell of cells) {
      const td = el('td');
      td.append(cell);
      row.append(td);
    }
    table.append(row);
  }
  return table;
}

function logisticsView(logistics: ParsedLogistics): HTMLElement {
  const box = el('div');
  const parts: [MessageKey, Sourced<string> | null][] = [
    ['logCarrier', logistics.carrier],
    ['logTracking', logistics.trackingNumber],
    ['logLatest', logistics.latestEvent],
    ['logLatestTime', logistics.latestEventTime],
  ];
  for (const [label, field] of parts) {
    if (!field) continue;
    const line = el('div', `${t(label)}: `);
    line.append(sourced(field));
    box.append(line);
  }
  if (box.childElementCount === 0) box.append(t('none'));
  return box;
}

function flagsText(flags: ParsedOrder['flags']): string {
  const set: MessageKey[] = [];
  if (flags.presale) set.push('flagPresale');
  if (flags.customMade) set.push('flagCustomMade');
  if (flags.cashOnDelivery) set.push('flagCashOnDelivery');
  return set.length === 0 ? t('none') : set.map((key) => t(key)).join(', ');
}

function actionsList(order: ParsedOrder): HTMLElement {
  const list = el('ul', undefined, { class: 'actions' });
  for (const action of order.actions) {
    const item = el('li');
    item.append(
      isWebUrl(action.url)
        ? el('a', action.text || action.kind, { href: action.url, target: '_blank', rel: 'noopener noreferrer' })
        : el('span', action.text || action.kind),
    );
    list.append(item);
  }
  return list;
}

export function orderView(order: ParsedOrder): HTMLElement {
  const article = el('article', undefined, { class: order.isSubject ? 'order subject' : 'order' });
  const heading = el('h3', `${t('orderTitle', { id: order.orderId.value })} `);
  heading.append(sourceBadge(order.orderId.source));
  if (order.isSubject) heading.append(' ', el('span', t('orderSubject'), { class: 'subject-mark' }));
  article.append(heading);

  const entries: [MessageKey, string | HTMLElement][] = [];
  if (order.shop) entries.push(['orderShop', sourced(order.shop)]);
  if (order.seller) entries.push(['orderSeller', sourced(order.seller)]);
  if (order.totalPaid) entries.push(['orderTotal', sourced(order.totalPaid, (value) => formatAmount(value, order.currency))]);
  if (order.orderTime) entries.push(['orderTime', sourced(order.orderTime)]);
  const status = el('span', `${t(STATUS_LABELS[order.status] ?? 'statusUnknown')}`, { class: `status status-${order.status}` });
  if (order.statusText) status.append(' — ', sourced(order.statusText));
  entries.push(['orderStatus', status]);
  if (order.logistics) entries.push(['orderLogistics', logisticsView(order.logistics)]);
  if (order.autoConfirmDeadline) entries.push(['orderDeadline', sourced(order.autoConfirmDeadline)]);
  entries.push(['orderFlags', flagsText(order.flags)]);
  if (order.actions.length > 0) entries.push(['orderActions', actionsList(order)]);

  const list = el('dl', undefined, { class: 'meta' });
  for (const [label, value] of entries) {
    const dd = el('dd');
    dd.append(value);
    list.append(el('dt', t(label)), dd);
  }
  article.append(list);
  if (order.items.length > 0) article.append(itemsTable(order.items, order.currency));
  return article;
}

/** Subject first, then the page's order. */
export function subjectFirst(orders: ParsedOrder[]): ParsedOrder[] {
  return [...orders.filter((o) => o.isSubject), ...orders.filter((o) => !o.isSubject)];
}

export function renderParseStatus(status: ParseStatus | undefined, line: HTMLElement): void {
  if (!status || status.status === 'pending') {
    line.textContent = t('parsePending');
  } else if (status.status === 'failed') {
    line.textContent = t('parseFailed', { error: status.error ?? '' });
  } else {
    line.textContent = t('parseSummary', {
      parser: status.parser ?? '?',
      version: status.version ?? '?',
      platform: status.platform ?? '?',
      kind: t(KIND_LABELS[status.kind ?? 'unknown'] ?? 'kindUnknown'),
    });
  }
}

export function renderParsedPage(page: ParsedPage, box: HTMLElement): void {
  box.replaceChildren();
  if (page.orders.length === 0) box.append(el('p', t('parseNoOrders'), { class: 'hint' }));
  for (const order of subjectFirst(page.orders)) box.append(orderView(order));
  if (page.notes.length > 0) {
    const notes = el('ul', undefined, { class: 'notes' });
    for (const note of page.notes) notes.append(el('li', note));
    const details = el('details');
    details.append(el('summary', t('parseNotes')), notes);
    box.append(details);
  }
}

/** The status in the reader's language (the orders list and timeline use the same words as the parsed fields). */
export const statusLabel = (status: OrderStatus): string => t(STATUS_LABELS[status] ?? 'statusUnknown');
