// Toolbar popup: what the guard does on this tab, and "pause on this site for 10 minutes".
import { guardedControls, tabStatus } from '../background/tab-status';
import { generic, SHOPS } from '../shops';
import { shopName, t } from '../shared/i18n';
import { getSettings, PAUSE_MS, setSettings } from '../shared/settings';
import { translate } from './dom';

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
    line.textContent = t('popupNotGuarded');
    return;
  }
  const shop = [...SHOPS, generic].find((s) => s.id === status.site) ?? generic;
  const settings = await getSettings();
  const until = settings.pausedUntil[status.hostname] ?? 0;
  if (settings.disabledShops.includes(shop.id)) {
    line.textContent = t('popupDisabled', [shopName(shop.id)]);
  } else if (until > Date.now()) {
    line.textContent = t('popupPausedUntil', [status.hostname, new Date(until).toLocaleTimeString()]);
    resume.hidden = false;
  } else {
    line.textContent = t('popupActive', [guardedControls(status), shopName(shop.id)]);
    pause.hidden = false;
  }

  pause.onclick = async () => {
    const { pausedUntil } = await getSettings();
    // Pauses that have run out are dropped on the way.
    const current = Object.fromEntries(Object.entries(pausedUntil).filter(([, until]) => until > Date.now()));
    await setSettings({ pausedUntil: { ...current, [status.hostname]: Date.now() + PAUSE_MS } });
    await render();
  };
  resume.onclick = async () => {
    const { pausedUntil } = await getSettings();
    const { [status.hostname]: _removed, ...rest } = pausedUntil;
    await setSettings({ pausedUntil: rest });
    await render();
  };
}

void translate().then(render);
chrome.storage.onChanged.addListener(() => void render());
