// Fetches what the page refers to (images, fonts, stylesheets) once per URL, a few at a time, within the byte budgets,
// and hands it back as data: URIs or text. A resource that fails or is too large never fails the capture: the caller
// keeps the absolute URL and the report says why.

export const DEFAULT_MAX_RESOURCE_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_TOTAL_BYTES = 20 * 1024 * 1024;
const DEFAULT_CONCURRENCY = 6;
/** How long one resource may take to arrive (from the HTTP cache it takes milliseconds). */
export const RESOURCE_TIMEOUT_MS = 5_000;

export interface ResourceOptions {
  maxResourceBytes?: number;
  maxTotalBytes?: number;
  /** Asked when the page's own fetch fails (the extension's service worker fetches with its host permissions). */
  fetchFallback?: (url: string) => Promise<Blob | null>;
  concurrency?: number;
  /** The page's origin: same-origin fetches send cookies. */
  origin?: string;
}

export interface Skipped {
  url: string;
  reason: string;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

export class ResourceLoader {
  readonly skipped: Skipped[] = [];
  inlinedResources = 0;
  inlinedBytes = 0;

  private readonly maxResourceBytes: number;
  private readonly maxTotalBytes: number;
  private readonly concurrency: number;
  private readonly dataUris = new Map<string, Promise<string | null>>();
  private readonly texts = new Map<string, Promise<string | null>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly options: ResourceOptions = {}) {
    this.maxResourceBytes = options.maxResourceBytes ?? DEFAULT_MAX_RESOURCE_BYTES;
    this.maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  }

  /** The resource as a data: URI, or null when it could not be inlined (the reason is in `skipped`). */
  dataUri(url: string): Promise<string | null> {
    if (url.startsWith('data:')) return Promise.resolve(url);
    let pending = this.dataUris.get(url);
    if (!pending) {
      pending = this.load(url).then(async (blob) => (blob ? blobToDataUri(blob, url) : null));
      this.dataUris.set(url, pending);
    }
    return pending;
  }

  /** The resource as text (a stylesheet), or null. */
  text(url: string): Promise<string | null> {
    let pending = this.texts.get(url);
    if (!pending) {
      pending = this.load(url).then((blob) => (blob ? blob.text() : null));
      this.texts.set(url, pending);
    }
    return pending;
  }

  /** Counts bytes inlined some other way (a data: URI built here from fetched text). */
  count(bytes: number): void {
    this.inlinedBytes += bytes;
  }

  skip(url: string, reason: string): void {
    if (!this.skipped.some((s) => s.url === url && s.reason === reason)) this.skipped.push({ url, reason });
  }

  /** Whether `bytes` more would still fit in the total budget; the caller reserves them by inlining. */
  fitsTotal(bytes: number): boolean {
    return this.inlinedBytes + bytes <= this.maxTotalBytes;
  }

  get resourceLimit(): number {
    return this.maxResourceBytes;
  }

  private async load(url: string): Promise<Blob | null> {
    if (!/^(?:https?|blob):/i.test(url)) {
      this.skip(url, 'not a web address');
      return null;
    }
    await this.turn();
    try {
      const blob = await this.fetchBlob(url);
      if (!blob) return null;
      if (blob.size > this.maxResourceBytes) {
        this.skip(url, `larger than the ${formatBytes(this.maxResourceBytes)} per-resource budget`);
        return null;
      }
      if (!this.fitsTotal(blob.size)) {
        this.skip(url, `over the ${formatBytes(this.maxTotalBytes)} total budget`);
        return null;
      }
      this.inlinedBytes += blob.size;
      this.inlinedResources++;
      return blob;
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private turn(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.running++;
        resolve();
      }),
    );
  }

  private async fetchBlob(url: string): Promise<Blob | null> {
    let failure: string;
    try {
      // Cookies only for the page's own origin: a CDN answering `Access-Control-Allow-Origin: *` refuses a request
      // that carries credentials, and the fallback below fetches with the extension's rights anyway.
      const sameOrigin = this.options.origin !== undefined && url.startsWith(this.options.origin + '/');
      // A stalled server must not hold up the user's Confirm: a resource slower than this is skipped (the signal
      // also ends a body that stops arriving half-way).
      const response = await fetch(url, { credentials: sameOrigin ? 'include' : 'same-origin', cache: 'force-cache', signal: AbortSignal.timeout(RESOURCE_TIMEOUT_MS) });
      if (response.ok) {
        const length = Number(response.headers.get('content-length'));
        if (length > this.maxResourceBytes) {
          void response.body?.cancel().catch(() => undefined);
          this.skip(url, `larger than the ${formatBytes(this.maxResourceBytes)} per-resource budget`);
          return null;
        }
        return await response.blob();
      }
      failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (this.options.fetchFallback) {
      try {
        const blob = await this.options.fetchFallback(url);
        if (blob) return blob;
        failure ||= 'not fetched';
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    this.skip(url, `fetch failed: ${failure || 'unknown error'}`);
    return null;
  }
}

const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif',
  svg: 'image/svg+xml', ico: 'image/x-icon', bmp: 'image/bmp', woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf',
  otf: 'font/otf', css: 'text/css',
};

/** The blob's media type without parameters; guessed from the URL when the server said nothing useful. */
export function mediaType(blob: Blob, url: string): string {
  const declared = blob.type.split(';')[0]!.trim().toLowerCase();
  if (/^[\w.+-]+\/[\w.+-]+$/.test(declared) && declared !== 'application/octet-stream') return declared;
  const extension = /\.(\w+)(?:[?#]|$)/.exec(url)?.[1]?.toLowerCase();
  return (extension && EXTENSION_TYPES[extension]) || declared || 'application/octet-stream';
}

/** FileReader where there is one (one native step, measured several times faster in Chromium), else chunked btoa. */
export async function blobToDataUri(blob: Blob, url: string): Promise<string> {
  const type = mediaType(blob, url);
  if (typeof FileReader === 'function') {
    const typed = blob.type === type ? blob : new Blob([blob], { type });
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
      reader.readAsDataURL(typed);
    });
  }
  return `data:${type};base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}

export function textToDataUri(text: string, type: string): string {
  return `data:${type};base64,${bytesToBase64(new TextEncoder().encode(text))}`;
}

/** Base64 in chunks: fromCharCode takes a bounded argument list, and one binary string then one btoa is fast. */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunk = 0x8000;
  const pieces: string[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(String.fromCharCode(...bytes.subarray(i, i + chunk)));
  return btoa(pieces.join(''));
}
