// Where the "Get started" walkthrough learns its facts in the browser: the host's health, pairing, permissions and
// settings, and the events that say one of them changed.
import { getHealth } from '../background/host-client';
import { SHOPS } from '../shops';
import { askWorker } from '../shared/messaging';
import { HOST_CONNECTION_KEY } from '../shared/protocol';
import { getPairing, PAIRING_KEY } from '../shared/pairing';
import { getSettings } from '../shared/settings';
import { SCREENSHOT_PERMISSION, siteAccess } from './site-access';
import type { HostCheck, StartChange, StartSources } from './start-page';

async function checkHost(): Promise<HostCheck> {
  const [{ hostUrl }, { token }] = await Promise.all([getSettings(), getPairing()]);
  try {
    const health = await getHealth(hostUrl, fetch, token);
    return { healthy: true, url: hostUrl, detail: health.version };
  } catch (error) {
    return { healthy: false, url: hostUrl, detail: error instanceof Error ? error.message : String(error) };
  }
}

function watch(changed: (what: StartChange) => void): void {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && changes[HOST_CONNECTION_KEY]) changed('host');
    if (area === 'local' && changes.hostUrl) changed('host');
    if (area === 'local' && changes[PAIRING_KEY]) changed('pairing');
    if (area === 'local' && changes.disabledShops) changed('platforms');
  });
  chrome.permissions.onAdded.addListener(() => changed('permissions'));
  chrome.permissions.onRemoved.addListener(() => changed('permissions'));
}

export function browserStartSources(): StartSources {
  return {
    checkHost,
    pairing: async () => (await getPairing()).state,
    sites: siteAccess(chrome.permissions, chrome.runtime.getManifest()),
    screenshotsGranted: () => chrome.permissions.contains(SCREENSHOT_PERMISSION),
    platforms: async () => {
      const { disabledShops } = await getSettings();
      return { total: SHOPS.length, off: SHOPS.filter((shop) => disabledShops.includes(shop.id)).length };
    },
    openHostSettings: () => void askWorker({ kind: 'open-host', path: '/settings' }),
    copy: (text) => navigator.clipboard.writeText(text),
    watch,
  };
}
