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
  /** The signed manifest's SHA-256 (null only while an old snapshot waits for its start-up backfill). */
  manifestSha256?: string | null;
  manifestSignature?: string | null;
  /** The RFC 3161 token's SHA-256, when a timestamp authority answered. */
  timestampSha256?: string | null;
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

/** An RFC 9457 problem as the host writes it; validation problems name the fields at fault in errors. */
export interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** The words to show for a problem: its detail, else its title with each field's complaint ("text must have…"). */
export function problemMessage(problem: Problem, fallback: string): string {
  if (problem.detail) return problem.detail;
  const fields = Object.entries(problem.errors ?? {}).flatMap(([field, complaints]) => complaints.map((complaint) => `${field} ${complaint}`));
  if (fields.length > 0) return problem.title ? `${problem.title}: ${fields.join(' ')}` : fields.join(' ');
  return problem.title ?? fallback;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<ApiError> {
  const statusLine = `${response.status} ${response.statusText}`;
  try {
    const problem = (await response.json()) as Problem;
    return new ApiError(response.status, problemMessage(problem, statusLine), problem.errors ?? {});
  } catch {
    // not problem+json: keep the status line
    return new ApiError(response.status, statusLine);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** PUT/POST a JSON body (or DELETE without one); answers the parsed body, or null for 204. */
async function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : ((await response.json()) as T);
}

// Pairing (host/Pairing): only this UI may make codes, list and revoke; the extension claims a code itself.
export interface PairingCode {
  code: string;
  expiresAt: string;
}

export interface PairedClient {
  id: string;
  name: string;
  origin: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export const createPairingCode = async (): Promise<PairingCode> => (await send<PairingCode>('POST', '/api/pairing/codes'))!;

export const listPairedClients = (): Promise<PairedClient[]> => getJson<PairedClient[]>('/api/pairing/clients');

export const revokePairedClient = async (id: string): Promise<void> => {
  await send('DELETE', `/api/pairing/clients/${encodeURIComponent(id)}`);
};

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

// The evidence store: shapes mirror host/Evidence (EvidenceEndpoints.cs, StoreVerifier.cs, Custody/CustodyEntry.cs).

export interface SigningKeyInfo {
  algorithm: string;
  fingerprint: string;
  publicKeyPem: string;
}

export interface StoreReport {
  ok: boolean;
  firstProblem: string | null;
  problems: string[];
  entries: number;
  snapshots: number;
  files: number;
  keyFingerprint: string;
}

export interface EvidenceSettings {
  tsaUrl: string | null;
}

export interface CustodyEntry {
  seq: number;
  at: string;
  kind: string;
  snapshotId: string | null;
  /** Compact JSON, kept as the exact text that was hashed. */
  detail: string;
  previousHash: string;
  hash: string;
}

export interface SnapshotNote {
  id: number;
  snapshotId: string;
  text: string;
  createdAt: string;
}

export interface SearchResults {
  query: string;
  items: SnapshotSummary[];
}

const snapshotPath = (id: string): string => `/api/snapshots/${encodeURIComponent(id)}`;

export const getSigningKey = (): Promise<SigningKeyInfo> => getJson<SigningKeyInfo>('/api/evidence/key');

export const verifyStore = (): Promise<StoreReport> => getJson<StoreReport>('/api/evidence/verify');

/** One snapshot's check: its files, manifest, signature, timestamp and custody entries. */
export interface SnapshotCheck {
  ok: boolean;
  firstProblem: string | null;
  problems: string[];
  entries: number;
  files: number;
  keyFingerprint: string;
}

export const verifySnapshot = (id: string): Promise<SnapshotCheck> => getJson<SnapshotCheck>(`${snapshotPath(id)}/verify`);

export const getEvidenceSettings = (): Promise<EvidenceSettings> => getJson<EvidenceSettings>('/api/evidence/settings');

export const putEvidenceSettings = async (tsaUrl: string): Promise<EvidenceSettings> =>
  (await send<EvidenceSettings>('PUT', '/api/evidence/settings', { tsaUrl }))!;

// Settings: shapes mirror host/Evidence/DataFolder.cs, host/Evidence/Retention/RetentionRule.cs and
// host/Settings/HostSettings.cs.

export interface DataFolderReport {
  root: string;
  database: string;
  artifacts: string;
  keys: string;
  totalBytes: number;
  databaseBytes: number;
  artifactsBytes: number;
  artifactFiles: number;
  snapshots: number;
}

export interface RetentionSettings {
  /** Days snapshots are kept after the host received them; null keeps them forever. */
  days: number | null;
  minDays: number;
  maxDays: number;
}

export interface RetentionSaved extends RetentionSettings {
  /** Snapshots the sweep run on saving deleted. */
  deleted: number;
}

export interface RetentionPreview {
  days: number | null;
  receivedBefore: string | null;
  wouldDelete: number;
  keptForNotes: number;
}

/** What the extension's capture follows (GET/PUT /api/settings). */
export interface CaptureSettings {
  maxResourceBytes: number;
  maxTotalBytes: number;
  screenshots: boolean;
}

export const getDataFolder = (): Promise<DataFolderReport> => getJson<DataFolderReport>('/api/evidence/data-folder');

export const getRetention = (): Promise<RetentionSettings> => getJson<RetentionSettings>('/api/evidence/retention');

/** The days as typed ('' for forever): the host checks them and names the problem. */
export const previewRetention = (days: string): Promise<RetentionPreview> =>
  getJson<RetentionPreview>(`/api/evidence/retention/preview?days=${encodeURIComponent(days)}`);

export const putRetention = async (days: number | null): Promise<RetentionSaved> => (await send<RetentionSaved>('PUT', '/api/evidence/retention', { days }))!;

export const getCaptureSettings = (): Promise<CaptureSettings> => getJson<CaptureSettings>('/api/settings');

/** Members left null are sent as null, so the host names them in its 400. */
export const putCaptureSettings = async (settings: { [K in keyof CaptureSettings]: CaptureSettings[K] | null }): Promise<CaptureSettings> =>
  (await send<CaptureSettings>('PUT', '/api/settings', settings))!;

export const searchSnapshots = (query: string, limit = 50): Promise<SearchResults> =>
  getJson<SearchResults>(`/api/search?q=${encodeURIComponent(query)}&limit=${limit}`);

export const deleteSnapshot = async (id: string): Promise<void> => {
  await send<never>('DELETE', snapshotPath(id));
};

export const manifestUrl = (id: string): string => `${snapshotPath(id)}/manifest`;

export const getCustody = (id: string): Promise<CustodyEntry[]> => getJson<CustodyEntry[]>(`${snapshotPath(id)}/custody`);

export const getNotes = (id: string): Promise<SnapshotNote[]> => getJson<SnapshotNote[]>(`${snapshotPath(id)}/notes`);

export const addNote = async (id: string, text: string): Promise<SnapshotNote> => (await send<SnapshotNote>('POST', `${snapshotPath(id)}/notes`, { text }))!;

export type ExportFormat = 'zip' | 'wacz';

/** A bundle download: one snapshot or every snapshot of one order. */
export function exportUrl(selection: { snapshot: string } | { order: string }, format: ExportFormat): string {
  const [name, value] = 'snapshot' in selection ? ['snapshot', selection.snapshot] : ['order', selection.order];
  return `/api/export?${name}=${encodeURIComponent(value)}&format=${format}`;
}
