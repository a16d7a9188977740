// Toolbar popup: what the guard does on this tab, and "pause on this site for 10 minutes".
import { guardedControls, tabStatus } from '../background/tab-status';
import { generic, SHOPS } from '../shops';
import { getSettings, PAUSE_MS, setSettings } from '../shared/settings';
import { message, shopName, translate } from './dom';

/** The tab this popup is about: the active tab, or ?tab=<id> when opened as a page (tests, keyboard users). */
async function targetTab(): Promise<chrome.tabs.Tab | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return chrome.tabs.get(fromQuery);
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

async function render(): Promise<void> {
  const line = document.getElementById('guard-status')!;
  const pause = document.getElementById('pause')!;
  const resume = document.getElementById('resume')!;
  pause.hidden = resume.hidden = true;

  const tab = await targetTab();
  const status = tab?.id !== undefined ? await tabStatus(tab.id) : null;
  // The stored status belongs to whatever page last reported in this tab: it must still be that site.
  const tabHost = tab?.url ? new URL(tab.url).hostname : status?.hostname;
  if (!status || status.hostname !== tabHost) {
    line.textContent = message('popupNotGuarded');
    return;
  }
  const shop = [...SHOPS, generic].find((s) => s.id === status.site) ?? generic;
  const settings = await getSettings();
  const until = settings.pausedUntil[status.hostname] ?? 0;
  if (settings.disabledShops.includes(shop.id)) {
    line.textContent = message('popupDisabled', [shopName(shop.names)]);
  } else if (until > Date.now()) {
    line.textContent = message('popupPausedUntil', [status.hostname, new Date(until).toLocaleTimeString()]);
    resume.hidden = false;
  } else {
    line.textContent = message('popupActive', [guardedControls(status), shopName(shop.names)]);
    pause.hidden = false;
  }

  pause.onclick = async () => {
    const { pausedUntil } = await getSettings();
    await setSettings({ pausedUntil: { ...pausedUntil, [status.hostname]: Date.now() + PAUSE_MS } });
    await render();
  };
  resume.onclick = async () => {
    const { pausedUntil } = await getSettings();
    const { [status.hostname]: _removed, ...rest } = pausedUntil;
    await setSettings({ pausedUntil: rest });
    await render();
  };
}

translate();
void render();
chrome.storage.onChanged.addListener(() => void render());
