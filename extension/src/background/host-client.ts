// Talking HTTP to the local host. Every outcome is classified so the outbox knows whether to retry.
import { authHeaders } from '../shared/pairing';
import type { HostSettings, SnapshotV1 } from '../shared/protocol';

export type PostResult =
  | { kind: 'delivered' }
  /** The host refused this snapshot itself (invalid, conflicting): retrying the same bytes cannot help. */
  | { kind: 'rejected'; error: string }
  /** The host is down, busy or failing: try again later. */
  | { kind: 'retry'; error: string }
  /** Not paired, or the host no longer accepts our token (401): keep it until the extension is paired again. */
  | { kind: 'unpaired'; error: string };

const retryableStatus = new Set([408, 425, 429, 500, 502, 503, 504]);

async function problemText(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return [problem.title, problem.detail].filter(Boolean).join(': ') || `${response.status}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

export async function postSnapshot(hostUrl: string, snapshot: SnapshotV1, fetchImpl: typeof fetch = fetch, token: string | null = null): Promise<PostResult> {
  if (!token) return { kind: 'unpaired', error: 'not paired with the host: pair on the options page' };
  let response: Response;
  try {
    response = await fetchImpl(`${hostUrl}/api/snapshots`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders(token) },
      body: JSON.stringify(snapshot),
    });
  } catch (error) {
    return { kind: 'retry', error: `host unreachable at ${hostUrl} (${error instanceof Error ? error.message : String(error)})` };
  }
  if (response.ok) return { kind: 'delivered' };
  if (response.status === 401) return { kind: 'unpaired', error: `host answered 401: ${await problemText(response)}` };
  const error = `host answered ${response.status}: ${await problemText(response)}`;
  return retryableStatus.has(response.status) || response.status >= 500 ? { kind: 'retry', error } : { kind: 'rejected', error };
}

export interface HostHealth {
  status: string;
  version: string;
  protocolVersion: number;
  /** Whether the host accepts the token sent (absent from hosts older than pairing). */
  paired?: boolean;
}

export async function getHealth(hostUrl: string, fetchImpl: typeof fetch = fetch, token: string | null = null): Promise<HostHealth> {
  const response = await fetchImpl(`${hostUrl}/api/health`, { headers: { Accept: 'application/json', ...authHeaders(token) } });
  if (!response.ok) throw new Error(`host answered ${response.status}`);
  return (await response.json()) as HostHealth;
}

/** The host's capture settings; null when this host has none to give (an older host) or cannot be reached. */
export async function getHostSettingsFrom(hostUrl: string, fetchImpl: typeof fetch = fetch, token: string | null = null): Promise<HostSettings | null> {
  try {
    const response = await fetchImpl(`${hostUrl}/api/settings`, { headers: { Accept: 'application/json', ...authHeaders(token) } });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<HostSettings>;
    if (typeof body.maxResourceBytes !== 'number' || typeof body.maxTotalBytes !== 'number' || typeof body.screenshots !== 'boolean') return null;
    return { maxResourceBytes: body.maxResourceBytes, maxTotalBytes: body.maxTotalBytes, screenshots: body.screenshots };
  } catch {
    return null;
  }
}
