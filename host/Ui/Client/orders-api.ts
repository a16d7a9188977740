// The orders API as the UI uses it. Shapes mirror host/Orders/OrderModels.cs and OrdersEndpoints.cs.
import type { Decision, OrderStatus, ParsedOrder } from './api';
import { ordersQueryString, type OrderFilters } from './orders-query';

export interface OrderSummary {
  orderId: string;
  platform: string;
  shop: string | null;
  /** The first item titles of the newest parse that listed items. */
  items: string[];
  /** Exact decimal text, e.g. "119.50". */
  total: string | null;
  currency: string | null;
  /** Null until a parse found the order (it is known from the extension's order hint only). */
  status: OrderStatus | null;
  lastDecision: Decision;
  snapshotCount: number;
  firstCapturedAt: string;
  lastCapturedAt: string;
}

export interface OrderPage {
  items: OrderSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface TimelineEntry {
  snapshotId: string;
  capturedAt: string;
  capture: 'guard' | 'manual';
  decision: Decision;
  statusText: string | null;
  status: OrderStatus | null;
  hasScreenshot: boolean;
  manifestSha256: string | null;
  timestampSha256: string | null;
  /** The status differs from the previous snapshot that read one. */
  statusChanged: boolean;
  previousStatus: OrderStatus | null;
  previousStatusText: string | null;
}

export interface OrderDetail extends OrderSummary {
  parsed: { snapshotId: string; capturedAt: string; platform: string | null; parser: string | null; order: ParsedOrder } | null;
  timeline: TimelineEntry[];
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const problem = (await response.json()) as { title?: string; detail?: string; errors?: Record<string, string[]> };
      const fields = Object.entries(problem.errors ?? {}).map(([field, complaints]) => `${field} ${complaints.join(' ')}`);
      message = problem.detail ?? ([problem.title, ...fields].filter(Boolean).join(': ') || message);
    } catch {
      // not problem+json: keep the status line
    }
    throw new OrdersApiError(response.status, message);
  }
  return (await response.json()) as T;
}

export class OrdersApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const listOrders = (filters: OrderFilters): Promise<OrderPage> => getJson<OrderPage>(`/api/orders${ordersQueryString(filters)}`);

export const getOrder = (orderId: string): Promise<OrderDetail> => getJson<OrderDetail>(`/api/orders/${encodeURIComponent(orderId)}`);
