// The extension's pairing with the host: the token the host gave for a one-time code, kept in chrome.storage.local
// (never sync storage, never a web page). Every API call and the hub link carry it.

export const PAIRING_KEY = 'pairing';

export interface Pairing {
  /** The bearer token; null when never paired or after the host stopped accepting it. */
  token: string | null;
  clientId: string | null;
  /** paired: the token works as far as we know; revoked: the host answered 401 to it (revoked, or its data reset). */
  state: 'unpaired' | 'paired' | 'revoked';
  /** ms since epoch of the last change. */
  since: number;
}

export const UNPAIRED: Readonly<Pairing> = Object.freeze({ token: null, clientId: null, state: 'unpaired', since: 0 });

export async function getPairing(): Promise<Pairing> {
  const stored = (await chrome.storage.local.get(PAIRING_KEY))[PAIRING_KEY] as Pairing | undefined;
  return stored ?? { ...UNPAIRED };
}

export async function setPairing(pairing: Pairing): Promise<void> {
  await chrome.storage.local.set({ [PAIRING_KEY]: pairing });
}

/** Headers for a host API call: the token when there is one. */
export function authHeaders(token: string | null | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** A name the host's Settings page lists this extension under, e.g. "ReceiptGuard (Chrome)". */
export function clientName(userAgent: string): string {
  const browser = /Firefox\//.test(userAgent) ? 'Firefox' : /Edg\//.test(userAgent) ? 'Edge' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : 'browser';
  return `ReceiptGuard (${browser})`;
}

/** Codes are shown in upper case; people type them any way, with spaces or a dash. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export type ClaimResult = { ok: true; token: string; clientId: string } | { ok: false; error: string };

/** POST /api/pairing/claim: trades the one-time code the host UI shows for this extension's token. */
export async function claimPairing(hostUrl: string, code: string, name: string, fetchImpl: typeof fetch = fetch): Promise<ClaimResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${hostUrl}/api/pairing/claim`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ code: normalizeCode(code), name }),
    });
  } catch (error) {
    return { ok: false, error: `host unreachable at ${hostUrl} (${error instanceof Error ? error.message : String(error)})` };
  }
  let body: { token?: unknown; clientId?: unknown; title?: string; detail?: string } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // not JSON: the status says enough
  }
  if (response.ok && typeof body.token === 'string' && typeof body.clientId === 'string') return { ok: true, token: body.token, clientId: body.clientId };
  return { ok: false, error: body.detail || body.title || `host answered ${response.status}` };
}
