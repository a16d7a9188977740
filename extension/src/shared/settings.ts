// Typed settings in chrome.storage.local, each with its default.
import type { Language, Messages } from './i18n';
import { DEFAULT_HOST_SETTINGS, type HostSettings } from './protocol';

export const DEFAULT_HOST_URL = 'http://127.0.0.1:47831';

/** How long "pause on this site" lasts. */
export const PAUSE_MS = 10 * 60_000;

/**
 * How much the dialog asks before Confirm: the checklist (default); the checklist plus typing a word for orders
 * above an amount; or Confirm and Cancel only.
 */
export type Friction = 'checklist' | 'type' | 'simple';

export interface Settings {
  /** Base address of the local ReceiptGuard host. */
  hostUrl: string;
  /** Platform ids (and "generic") the user switched off. */
  disabledShops: string[];
  /** Origins (https://shop.example) where the generic rule runs; each needs its host permission granted. */
  genericSites: string[];
  /** Hostname → time (ms since epoch) until which the guard is paused there. */
  pausedUntil: Record<string, number>;
  friction: Friction;
  /** With friction "type": orders above this amount (in the page's currency) need the word typed. */
  typeAboveAmount: number;
  /** The extension's language: the browser's, or one chosen in options (whose messages are stored with it). */
  language: Language;
  localeMessages: Messages | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hostUrl: DEFAULT_HOST_URL,
  disabledShops: [],
  genericSites: [],
  pausedUntil: {},
  friction: 'checklist',
  typeAboveAmount: 500,
  language: 'auto',
  localeMessages: null,
});

export async function getSettings(): Promise<Settings> {
  // Passing the defaults object makes storage fill in every key that was never set.
  return { ...DEFAULT_SETTINGS, ...(await chrome.storage.local.get<Settings>({ ...DEFAULT_SETTINGS })) };
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

/** A site for the generic rule: "shop.example", "https://shop.example/orders" → "https://shop.example". */
export function normalizeSite(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  return url.origin;
}

/** The match pattern that covers a generic site: its scheme and host, any path (any port, as Chrome matches). */
export const sitePattern = (origin: string): string => {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
};

/** Whether the guard should act on a page of this platform and host right now. */
export function guardActive(settings: Pick<Settings, 'disabledShops' | 'pausedUntil'>, shopId: string, hostname: string, now = Date.now()): boolean {
  return !settings.disabledShops.includes(shopId) && !((settings.pausedUntil[hostname] ?? 0) > now);
}

/** What the host last said about captures (kept by the worker from GET /api/settings and SettingsChanged). */
export const HOST_SETTINGS_KEY = 'hostSettings';

export async function getHostSettings(): Promise<HostSettings> {
  const stored = ((await chrome.storage.local.get(HOST_SETTINGS_KEY)) as Record<string, Partial<HostSettings> | undefined>)[HOST_SETTINGS_KEY];
  return { ...DEFAULT_HOST_SETTINGS, ...stored };
}
