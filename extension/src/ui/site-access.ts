// Step 3 of the walkthrough: may the extension run on the shop sites? Chromium grants the manifest's content-script
// and host permissions at install; Firefox lets the user withhold them, and Chromium's "site access" menu can too.

/** Every origin pattern the manifest needs: where its content scripts run, and the host it talks to. */
export function manifestOrigins(manifest: Pick<chrome.runtime.Manifest, 'content_scripts' | 'host_permissions'>): string[] {
  const patterns = [...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []), ...(manifest.host_permissions ?? [])];
  return [...new Set(patterns)].sort();
}

/** A pattern's scheme and host: host permissions ignore paths, and browsers may report them without. */
const hostPart = (pattern: string): string => pattern.replace(/^([^:]+:\/\/[^/]*).*$/, '$1');

const EVERY_SITE = ['<all_urls>', '*://*/*'];

/**
 * Whether `granted` (permissions.getAll's origins) covers every pattern in `required`. Not permissions.contains:
 * Chromium answers false for content-script matches it did grant (they are not explicit host permissions).
 */
export function originsCovered(required: readonly string[], granted: readonly string[]): boolean {
  if (granted.some((origin) => EVERY_SITE.includes(origin))) return true;
  const hosts = new Set(granted.map(hostPart));
  return required.every((pattern) => hosts.has(hostPart(pattern)));
}

export interface SiteAccess {
  held(): Promise<boolean>;
  /** Must be called straight from the user's click: only then does the browser show its prompt. */
  request(): Promise<boolean>;
}

export function siteAccess(permissions: Pick<typeof chrome.permissions, 'getAll' | 'request'>, manifest: chrome.runtime.Manifest): SiteAccess {
  const origins = manifestOrigins(manifest);
  return {
    held: async () => originsCovered(origins, (await permissions.getAll()).origins ?? []),
    request: () => permissions.request({ origins }),
  };
}

/** Screenshots need <all_urls>: asked for on the options page, from the user's click, and given back on request. */
export const SCREENSHOT_PERMISSION: chrome.permissions.Permissions = { origins: ['<all_urls>'] };
