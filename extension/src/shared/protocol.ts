// The one definition, on the extension side, of what travels between content script, service worker and host.
// The host's C# record (host/Capture/SnapshotPayload.cs) mirrors SnapshotV1; tests/fixtures/protocol/snapshot-v1.json
// pins both.

export const PROTOCOL_VERSION = 1;

/** What the user decided in the dialog; "none" for a capture made on request, not at a held click. */
export type Decision = 'confirmed' | 'cancelled' | 'none';

/** Why a page was captured: a held click (guard) or the user asking (manual). */
export type CaptureKind = 'guard' | 'manual';

/** A captured page with the user's decision, as POSTed to the host's /api/snapshots. */
export interface SnapshotV1 {
  v: typeof PROTOCOL_VERSION;
  /** UUID made by the extension; the host's idempotency key. */
  id: string;
  url: string;
  title: string;
  /** ISO 8601, UTC. */
  capturedAt: string;
  html: string;
  decision: Decision;
  /** Platform id, e.g. "taobao". */
  site: string;
  /** Text of the control the user clicked. */
  buttonText: string;
  /** Id of the order the control belongs to, as the page shows it; null when the page does not say. */
  orderHint?: string | null;
  /** Absent means "guard". A manual capture has decision "none". */
  capture?: CaptureKind;
  /**
   * The page's own data scripts (order JSON such as `var data = JSON.parse('…')` or `window.rawData = {…}`, JSON-LD),
   * kept apart because `html` carries no scripts. The host stores them as one raw artifact.
   */
  embeddedData?: EmbeddedScript[];
  /** The visible tab when the snapshot was taken, as a `data:image/png|jpeg;base64,` URL; null when there is none. */
  screenshot?: string | null;
  /** Why there is no screenshot (no permission, tab not visible, …); null when there is one. */
  screenshotError?: string | null;
  /** Where, when and with what the page was captured. */
  context?: CaptureContext;
}

/** A script element whose text is data the page carries about the order. */
export interface EmbeddedScript {
  /** The script's type attribute, or "text/javascript" when it has none. */
  type: string;
  text: string;
}

/** Capture metadata beyond the page itself. */
export interface CaptureContext {
  /** IANA time zone of the browser, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Local time minus UTC, in minutes, at capturedAt (480 for UTC+8). */
  utcOffsetMinutes: number;
  userAgent: string;
  /** The browser's UI language, e.g. "zh-CN". */
  language: string;
  extensionVersion: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
  /** Checklist item id → ticked, as the user left them at the decision; null for a manual capture. */
  checklist: Record<string, boolean> | null;
  /** How the page was serialised: time taken, resources inlined and skipped (each with why). */
  serializer: SerializerReport;
}

export interface SerializerReport {
  durationMs: number;
  /** Size of the HTML in UTF-16 code units (what JavaScript's length says). */
  htmlLength: number;
  inlinedResources: number;
  inlinedBytes: number;
  skipped: { url: string; reason: string }[];
}

/**
 * Messages that content scripts and extension pages send to the service worker. A large page travels in parts:
 * every `snapshot-part` first (each stored durably as it arrives), then the `snapshot` itself with `parts` set and an
 * empty `html`.
 */
export type WorkerRequest =
  | { kind: 'snapshot'; snapshot: SnapshotV1; parts?: number }
  | { kind: 'snapshot-part'; id: string; index: number; text: string }
  | { kind: 'status' }
  | { kind: 'flush' }
  | { kind: 'guard-status'; status: GuardStatus }
  /** Opens a page of the host UI (a content script cannot link to loopback from a shop page). */
  | { kind: 'open-host'; path: string }
  /** A screenshot of the sender's tab, as it is on screen now. */
  | { kind: 'screenshot' }
  /** A page resource the page itself may not read (cross-origin without CORS), fetched with the extension's rights. */
  | { kind: 'fetch-resource'; url: string; maxBytes: number }
  /** "Save evidence of this page": a manual capture of a tab, from the popup. */
  | { kind: 'save-page'; tabId: number }
  /** Pairs with the host using the one-time code its Settings page shows (extension pages only). */
  | { kind: 'pair'; code: string };

/** Size of one `snapshot-part` (UTF-16 code units): well below the browsers' message size limits. */
export const SNAPSHOT_PART_LENGTH = 4 * 1024 * 1024;

/** What the host asks of captures (GET /api/settings, pushed as SettingsChanged). */
export interface HostSettings {
  maxResourceBytes: number;
  maxTotalBytes: number;
  screenshots: boolean;
}

export const DEFAULT_HOST_SETTINGS: Readonly<HostSettings> = Object.freeze({
  maxResourceBytes: 2 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  screenshots: true,
});

/** The service worker's link to the host, kept in chrome.storage.session for the popup. */
/** The chrome.storage.session key under which the service worker keeps its HostConnection; pages watch it. */
export const HOST_CONNECTION_KEY = 'hostConnection';

export interface HostConnection {
  state: 'connecting' | 'connected' | 'offline';
  /** ms since epoch of the last change. */
  since: number;
  error: string | null;
}

/** What a content script reports about its frame: shown by the popup for the tab. */
export interface GuardStatus {
  site: string;
  hostname: string;
  active: boolean;
  controls: number;
}

/** The guard state of a tab, kept by the worker in chrome.storage.session under tabStatusKey(tabId). */
export interface TabStatus {
  site: string;
  hostname: string;
  active: boolean;
  /** Guarded controls per frame id. */
  frames: Record<string, number>;
}

export const tabStatusKey = (tabId: number): string => `tab:${tabId}`;

export interface WorkerStatus {
  queued: number;
  /** Snapshots the host refused: kept, not retried. */
  rejected: number;
  lastError: string | null;
  host: HostConnection;
  /** Whether the host accepts this extension: snapshots wait in the outbox until it does. */
  pairing: 'unpaired' | 'paired' | 'revoked';
}

type Failed = { ok: false; error: string };

export type WorkerResponse<R extends WorkerRequest> = R extends { kind: 'snapshot' }
  ? { ok: true; queued: number; delivered: boolean } | Failed
  : R extends { kind: 'guard-status' } | { kind: 'open-host' } | { kind: 'snapshot-part' } | { kind: 'pair' }
    ? { ok: true } | Failed
    : R extends { kind: 'screenshot' }
      ? { ok: true; screenshot: string | null; error: string | null } | Failed
      : R extends { kind: 'fetch-resource' }
        ? { ok: true; dataUrl: string | null; error: string | null } | Failed
        : R extends { kind: 'save-page' }
          ? { ok: true; id: string; delivered: boolean } | Failed
          : { ok: true; status: WorkerStatus } | Failed;

/** Type guard for the service worker's router; anything else is ignored. */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'status' || kind === 'flush') return true;
  if (kind === 'open-host') {
    const path = (value as { path?: unknown }).path;
    return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//');
  }
  if (kind === 'guard-status') {
    const status = (value as { status?: Partial<GuardStatus> }).status;
    return typeof status?.site === 'string' && typeof status.hostname === 'string' && typeof status.active === 'boolean' && typeof status.controls === 'number';
  }
  if (kind === 'screenshot') return true;
  if (kind === 'snapshot-part') {
    const part = value as { id?: unknown; index?: unknown; text?: unknown };
    return typeof part.id === 'string' && Number.isInteger(part.index) && (part.index as number) >= 0 && typeof part.text === 'string';
  }
  if (kind === 'fetch-resource') {
    const { url, maxBytes } = value as { url?: unknown; maxBytes?: unknown };
    return typeof url === 'string' && typeof maxBytes === 'number' && maxBytes > 0;
  }
  if (kind === 'save-page') return Number.isInteger((value as { tabId?: unknown }).tabId);
  if (kind === 'pair') {
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' && code.length > 0 && code.length <= 64;
  }
  if (kind !== 'snapshot') return false;
  const parts = (value as { parts?: unknown }).parts;
  return (parts === undefined || (Number.isInteger(parts) && (parts as number) > 0)) && isSnapshotV1((value as { snapshot?: unknown }).snapshot);
}

export function isSnapshotV1(value: unknown): value is SnapshotV1 {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    s.v === PROTOCOL_VERSION &&
    typeof s.id === 'string' &&
    typeof s.url === 'string' &&
    typeof s.title === 'string' &&
    typeof s.capturedAt === 'string' &&
    typeof s.html === 'string' &&
    (s.decision === 'confirmed' || s.decision === 'cancelled' || (s.decision === 'none' && s.capture === 'manual')) &&
    (s.capture === undefined || s.capture === 'guard' || s.capture === 'manual') &&
    typeof s.site === 'string' &&
    typeof s.buttonText === 'string' &&
    (s.orderHint === undefined || s.orderHint === null || typeof s.orderHint === 'string') &&
    (s.embeddedData === undefined || (Array.isArray(s.embeddedData) && s.embeddedData.every(isEmbeddedScript))) &&
    (s.screenshot === undefined || s.screenshot === null || (typeof s.screenshot === 'string' && SCREENSHOT_PREFIX.test(s.screenshot))) &&
    (s.screenshotError === undefined || s.screenshotError === null || typeof s.screenshotError === 'string') &&
    (s.context === undefined || (typeof s.context === 'object' && s.context !== null && !Array.isArray(s.context)))
  );
}

export const SCREENSHOT_PREFIX = /^data:image\/(?:png|jpeg);base64,/;

function isEmbeddedScript(value: unknown): value is EmbeddedScript {
  const e = value as Partial<EmbeddedScript> | null;
  return typeof e === 'object' && e !== null && typeof e.type === 'string' && typeof e.text === 'string';
}
