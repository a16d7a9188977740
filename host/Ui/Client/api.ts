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
