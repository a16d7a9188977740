// The host API as the UI uses it. Shapes mirror host/Capture/SnapshotSummary.cs.

export type Decision = 'confirmed' | 'cancelled' | 'none';

export interface SnapshotSummary {
  id: string;
  url: string;
  title: string;
  site: string;
  decision: Decision;
  capture: 'guard' | 'manual';
  buttonText: string;
  orderHint: string | null;
  capturedAt: string;
  receivedAt: string;
  htmlSha256: string;
  htmlBytes: number;
  hasScreenshot: boolean;
  screenshotSha256: string | null;
  /** Why there is no screenshot, as the extension recorded it. */
  screenshotError: string | null;
  hasEmbeddedData: boolean;
  embeddedDataSha256: string | null;
  context: CaptureContext | null;
  /** Only in the snapshot detail (GET /api/snapshots/{id}). */
  parse?: ParseStatus;
}

/**
 * The capture context as stored: the host checked the known members' types when present; any of them may be missing
 * and members it does not know are kept (extension/src/shared/protocol.ts defines the full shape).
 */
export interface CaptureContext {
  timeZone?: string;
  utcOffsetMinutes?: number;
  userAgent?: string;
  language?: string;
  extensionVersion?: string;
  viewport?: Record<string, unknown>;
  checklist?: Record<string, boolean> | null;
  serializer?: Record<string, unknown>;
  [member: string]: unknown;
}

export interface SnapshotPage {
  items: SnapshotSummary[];
  total: number;
  limit: number;
  offset: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = (await response.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // not problem+json: keep the status line
    }
    throw new ApiError(response.status, detail);
  }
  return (await response.json()) as T;
}

export const listSnapshots = (limit: number, offset: number): Promise<SnapshotPage> =>
  getJson<SnapshotPage>(`/api/snapshots?limit=${limit}&offset=${offset}`);

export const getSnapshot = (id: string): Promise<SnapshotSummary> => getJson<SnapshotSummary>(`/api/snapshots/${encodeURIComponent(id)}`);

export const snapshotHtmlUrl = (id: string): string => `/api/snapshots/${encodeURIComponent(id)}/html`;

export const snapshotScreenshotUrl = (id: string): string => `/api/snapshots/${encodeURIComponent(id)}/screenshot`;

export const snapshotEmbeddedUrl = (id: string): string => `/api/snapshots/${encodeURIComponent(id)}/embedded`;

// Parse results: shapes mirror host/Parsing/ParsedPage.cs (ParsedPageJson) and host/Parsing/Ingest/ParseStatus.cs.

/** Where a value was read: the page's own data, a platform element, or text next to a generic label. */
export type FieldSource = 'embedded' | 'selector' | 'label';

export interface Sourced<T> {
  value: T;
  source: FieldSource;
}

export type OrderStatus = 'unknown' | 'awaitingPayment' | 'awaitingShipment' | 'shipped' | 'delivered' | 'completed' | 'closed' | 'refunding';

export interface ParsedItem {
  title: Sourced<string> | null;
  sku: Sourced<string> | null;
  quantity: Sourced<number> | null;
  unitPrice: Sourced<number> | null;
  paidAmount: Sourced<number> | null;
}

export interface ParsedLogistics {
  carrier: Sourced<string> | null;
  trackingNumber: Sourced<string> | null;
  latestEvent: Sourced<string> | null;
  latestEventTime: Sourced<string> | null;
  events: { time: string | null; text: string }[];
}

export interface PageAction {
  kind: string;
  text: string;
  url: string | null;
}

export interface ParsedOrder {
  orderId: Sourced<string>;
  shop: Sourced<string> | null;
  seller: Sourced<string> | null;
  items: ParsedItem[];
  totalPaid: Sourced<number> | null;
  currency: string | null;
  orderTime: Sourced<string> | null;
  statusText: Sourced<string> | null;
  status: OrderStatus;
  logistics: ParsedLogistics | null;
  autoConfirmDeadline: Sourced<string> | null;
  flags: { presale: boolean; customMade: boolean; cashOnDelivery: boolean };
  actions: PageAction[];
  isSubject: boolean;
}

export interface ParsedPage {
  platform: string;
  kind: 'unknown' | 'list' | 'detail' | 'logistics';
  orders: ParsedOrder[];
  parser: string;
  notes: string[];
}

export interface ParseStatus {
  status: 'pending' | 'parsed' | 'failed';
  parser: string | null;
  version: number | null;
  platform: string | null;
  kind: ParsedPage['kind'] | null;
  subjectOrderId: string | null;
  orders: number;
  parsedAt: string | null;
  error: string | null;
}

export const getParsed = (id: string): Promise<ParsedPage> => getJson<ParsedPage>(`/api/snapshots/${encodeURIComponent(id)}/parsed`);
