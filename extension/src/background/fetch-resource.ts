// Fetches a page resource for the serializer when the page's own origin may not read it (a CDN without CORS). The
// worker fetches with the extension's host permissions; it never fetches from this computer or the local network, so
// a page cannot use the capture to pull the host's data (or a router's) into its evidence.

export interface FetchedResource {
  dataUrl: string | null;
  error: string | null;
}

/** Whether a URL may be fetched on a page's behalf: http(s) on a public name or address. */
export function isFetchableUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0') return false;
  if (/^(?:127|10)\./.test(host) || /^192\.168\./.test(host) || /^169\.254\./.test(host)) return false;
  if (/^172\.(?:1[6-9]|2\d|3[01])\./.test(host)) return false;
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host)) return false;
  return true;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole large array overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function fetchResource(href: string, maxBytes: number, fetchImpl: typeof fetch = fetch): Promise<FetchedResource> {
  if (!isFetchableUrl(href)) return { dataUrl: null, error: 'not a public http(s) address' };
  let response: Response;
  try {
    response = await fetchImpl(href, { credentials: 'include', cache: 'force-cache', redirect: 'follow', signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    return { dataUrl: null, error: `could not be fetched (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!response.ok) return { dataUrl: null, error: `answered ${response.status}` };
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (declared > maxBytes) return { dataUrl: null, error: `larger than the ${maxBytes}-byte budget` };
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) return { dataUrl: null, error: `larger than the ${maxBytes}-byte budget` };
  const type = (response.headers.get('Content-Type') ?? 'application/octet-stream').split(';')[0]!.trim();
  return { dataUrl: `data:${type};base64,${bytesToBase64(bytes)}`, error: null };
}
