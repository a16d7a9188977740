// Step 3 of the walkthrough: may the extension run on the shop sites? Chromium grants the manifest's content-script
// and host permissions at install; Firefox lets the user withhold them, and Chromium's "site access" menu can too.

/** Every origin pattern the manifest needs: where its content scripts run, and the host it talks to. */
export function manifestOrigins(manifest: Pick<chrome.runtime.Manifest, 'content_scripts' | 'host_permissions'>): string[] {
  const patterns = [...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []), ...(manifest.host_permissions ?? [])];
  return [...new Set(patterns)].sort();
}

export interface SiteAccess {
  held(): Promise<boolean>;
  /** Must be called straight from the user's click: only then does the browser show its prompt. */
  request(): Promise<boolean>;
}

export function siteAccess(permissions: Pick<typeof chrome.permissions, 'contains' | 'request'>, manifest: chrome.runtime.Manifest): SiteAccess {
  const origins = manifestOrigins(manifest);
  return {
    held: () => permissions.contains({ origins }),
    request: () => permissions.request({ origins }),
  };
}

/** Screenshots need <all_urls>: asked for on the options page, from the user's click, and given back on request. */
export const SCREENSHOT_PERMISSION: chrome.permissions.Permissions = { origins: ['<all_urls>'] };
