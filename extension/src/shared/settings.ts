// Typed settings in chrome.storage.local, each with its default.

export const DEFAULT_HOST_URL = 'http://127.0.0.1:47831';

export interface Settings {
  /** Base address of the local ReceiptGuard host. */
  hostUrl: string;
}

const defaults: Settings = { hostUrl: DEFAULT_HOST_URL };

export async function getSettings(): Promise<Settings> {
  // Passing the defaults object makes storage fill in every key that was never set.
  return { ...defaults, ...(await chrome.storage.local.get<Settings>({ ...defaults })) };
}

export async function setSettings(change: Partial<Settings>): Promise<void> {
  await chrome.storage.local.set(change);
}

/** The host must be on this computer: http on a loopback name or address. Returns the normalised URL or null. */
export function normalizeHostUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'http:' || !loopback || url.username || url.password) return null;
  return url.origin;
}
