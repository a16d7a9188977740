// "/orders": one row per order across its snapshots, newest activity first; a search over the full-text index and
// filters (platform, decision, status, dates) kept in the address; paged; refreshed live when snapshots arrive or parse.
import { el, formatTime } from './format';
import { t } from './i18n';
import { connectLive } from './live';
import { orderDecisionLabel, platformName, statusWords } from './order-format';
import { listOrders, type OrderSummary } from './orders-api';
import { filtersFromSearch, isFiltered, ordersQueryString, type OrderFilters } from './orders-query';
import { showError } from './page';
import { formatAmount } from './parsed-orders';

const pageSize = 50;

export const orderPath = (orderId: string): string => `/orders/${encodeURIComponent(orderId)}`;

function row(order: OrderSummary): HTMLTableRowElement {
  const tr = el('tr', undefined, { 'data-order': order.orderId });
  const id = el('td', undefined, { class: 'order-id' });
  id.append(el('a', order.orderId, { href: orderPath(order.orderId) }));
  const shop = el('td');
  if (order.shop) shop.append(el('div', order.shop, { class: 'shop' }));
  if (order.items.length > 0) shop.append(el('div', order.items.join(' · '), { class: 'hint' }));
  if (!order.shop && order.items.length === 0) shop.append('—');
  const amount = order.total === null ? '—' : formatAmount(Number(order.total), order.currency);
  const last = el('td');
  last.append(el('time', formatTime(order.lastCapturedAt), { datetime: order.lastCapturedAt }));
  tr.append(
    id,
    el('td', platformName(order.platform), { class: 'platform' }),
    shop,
    el('td', amount, { class: 'amount' }),
    el('td', statusWords(order.status, null), { class: `status status-${order.status ?? 'none'}` }),
    el('td', orderDecisionLabel(order.lastDecision), { class: `decision decision-${order.lastDecision}` }),
    el('td', String(order.snapshotCount), { class: 'count' }),
    last,
  );
  return tr;
}

interface Controls {
  form: HTMLFormElement;
  q: HTMLInputElement;
  platform: HTMLSelectElement;
  decision: HTMLSelectElement;
  status: HTMLSelectElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
}

function controls(): Controls {
  const form = document.getElementById('orders-form') as HTMLFormElement;
  const field = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
  return {
    form,
    q: field('orders-q'),
    platform: field('orders-platform'),
    decision: field('orders-decision'),
    status: field('orders-status'),
    from: field('orders-from'),
    to: field('orders-to'),
  };
}

function show(filters: OrderFilters, c: Controls): void {
  c.q.value = filters.q ?? '';
  c.platform.value = filters.platform ?? '';
  // A platform the list does not offer (a bookmark from elsewhere) is added so the filter stays visible.
  if (filters.platform && c.platform.value !== filters.platform) {
    c.platform.append(el('option', filters.platform, { value: filters.platform }));
    c.platform.value = filters.platform;
  }
  c.decision.value = filters.decision ?? '';
  c.status.value = filters.status ?? '';
  c.from.value = filters.from ?? '';
  c.to.value = filters.to ?? '';
}

function read(c: Controls): OrderFilters {
  return filtersFromSearch(
    ordersQueryString({
      q: c.q.value,
      platform: c.platform.value,
      decision: c.decision.value as OrderFilters['decision'],
      status: c.status.value as OrderFilters['status'],
      from: c.from.value,
      to: c.to.value,
    }),
  );
}

export async function startOrdersPage(): Promise<void> {
  const body = document.querySelector<HTMLTableSectionElement>('#orders tbody')!;
  const empty = document.getElementById('orders-empty')!;
  const count = document.getElementById('orders-count')!;
  const newer = document.getElementById('orders-newer') as HTMLButtonElement;
  const older = document.getElementById('orders-older') as HTMLButtonElement;
  const info = document.getElementById('orders-page-info')!;
  const clear = document.getElementById('orders-clear') as HTMLButtonElement;
  const c = controls();
  let filters = filtersFromSearch(location.search);
  let loading = 0;

  async function load(): Promise<void> {
    const ticket = ++loading;
    try {
      const page = await listOrders({ ...filters, limit: pageSize });
      if (ticket !== loading) return;
      body.replaceChildren(...page.items.map(row));
      empty.hidden = page.items.length > 0;
      empty.textContent = isFiltered(filters) ? t('ordersNoMatch') : t('ordersEmpty');
      count.textContent = t('ordersCount', { total: page.total });
      const offset = filters.offset ?? 0;
      newer.disabled = offset === 0;
      older.disabled = offset + page.items.length >= page.total;
      info.textContent = page.items.length > 0 ? t('pageInfo', { from: offset + 1, to: offset + page.items.length, total: page.total }) : '';
    } catch (error) {
      showError(t('loadFailed', { message: (error as Error).message }));
    }
  }

  function go(next: OrderFilters): void {
    filters = next;
    history.pushState(null, '', `/orders${ordersQueryString(filters)}`);
    void load();
  }

  c.form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(read(c));
  });
  for (const select of [c.platform, c.decision, c.status, c.from, c.to]) select.addEventListener('change', () => go(read(c)));
  clear.addEventListener('click', () => {
    show({}, c);
    go({});
    c.q.focus();
  });
  newer.addEventListener('click', () => go({ ...filters, offset: Math.max(0, (filters.offset ?? 0) - pageSize) }));
  older.addEventListener('click', () => go({ ...filters, offset: (filters.offset ?? 0) + pageSize }));
  window.addEventListener('popstate', () => {
    filters = filtersFromSearch(location.search);
    show(filters, c);
    void load();
  });

  show(filters, c);
  await load();

  // Pushes come in bursts (a capture, then its parse): one reload after the burst settles.
  let pending: number | undefined;
  const refresh = (): void => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => void load(), 250);
  };
  await connectLive({ snapshotStored: refresh, snapshotParsed: refresh, snapshotDeleted: refresh });
}
