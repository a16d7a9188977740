// The orders list's filters, kept in the page address (so a filtered list can be bookmarked and Back works) and sent
// to GET /api/orders with the same names. Pure: no DOM.
import type { Decision, OrderStatus } from './api';

export interface OrderFilters {
  q?: string;
  platform?: string;
  decision?: Decision;
  status?: OrderStatus;
  /** yyyy-mm-dd (the host reads a date-only "to" as the whole day). */
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

const TEXT_KEYS = ['q', 'platform', 'decision', 'status', 'from', 'to'] as const;
const DECISIONS: readonly string[] = ['confirmed', 'cancelled', 'none'];
const STATUSES: readonly string[] = ['unknown', 'awaitingPayment', 'awaitingShipment', 'shipped', 'delivered', 'completed', 'closed', 'refunding'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "?q=…&platform=…" with only the filters that are set (empty string when none); paging only when not the default. */
export function ordersQueryString(filters: OrderFilters, defaultLimit = 50): string {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (filters.limit !== undefined && filters.limit !== defaultLimit) params.set('limit', String(filters.limit));
  if (filters.offset) params.set('offset', String(filters.offset));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Filters from a page address; values the host would reject are dropped, so a stale bookmark still shows a list. */
export function filtersFromSearch(search: string): OrderFilters {
  const params = new URLSearchParams(search);
  const filters: OrderFilters = {};
  const text = (name: string): string | undefined => params.get(name)?.trim() || undefined;
  const q = text('q');
  if (q) filters.q = q;
  const platform = text('platform');
  if (platform && /^[A-Za-z0-9._-]{1,40}$/.test(platform)) filters.platform = platform;
  const decision = text('decision');
  if (decision && DECISIONS.includes(decision)) filters.decision = decision as Decision;
  const status = text('status');
  if (status && STATUSES.includes(status)) filters.status = status as OrderStatus;
  const from = text('from');
  if (from && DATE.test(from)) filters.from = from;
  const to = text('to');
  if (to && DATE.test(to)) filters.to = to;
  const offset = Number(text('offset'));
  if (Number.isInteger(offset) && offset > 0) filters.offset = offset;
  return filters;
}

/** Whether a pushed snapshot could change the list as filtered (a search or a date range may hide it: reload anyway). */
export const isFiltered = (filters: OrderFilters): boolean => TEXT_KEYS.some((key) => Boolean(filters[key]));
