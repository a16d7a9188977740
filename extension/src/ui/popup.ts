// Toolbar popup: what the guard does on this tab, "pause on this site for 10 minutes", "save evidence of this page",
// and the way to the host: whether it is connected, what is still queued, retry now.
import { guardedControls, tabStatus } from '../background/tab-status';
import { generic, SHOPS } from '../shops';
import { shopName, t } from '../shared/i18n';
import { askWorker } from '../shared/messaging';
import type { WorkerStatus } from '../shared/protocol';
import { getSettings, PAUSE_MS, setSettings } from '../shared/settings';
import { say, translate } from './dom';
import { needsSetUp } from './walkthrough';

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

function renderWorker(status: WorkerStatus, hostUrl: string): void {
  const host = document.getElementById('host-state')!;
  host.dataset.state = status.host.state;
  host.textContent =
    status.host.state === 'connected' ? t('popupHostConnected') : status.host.state === 'connecting' ? t('popupHostConnecting') : t('popupHostOffline', [hostUrl]);
  // Unpaired or revoked: the host is not the problem, pairing is; say so and link to where it is done.
  const pairing = document.getElementById('pairing-state')!;
  pairing.hidden = status.pairing === 'paired';
  pairing.dataset.pairing = status.pairing;
  document.getElementById('pairing-text')!.textContent = status.pairing === 'revoked' ? t('popupRevoked') : t('popupNotPaired');
  host.hidden = status.pairing !== 'paired';
  // Not set up yet (or no longer): the way back to the options page's walkthrough, above everything else.
  document.getElementById('finish-setup')!.hidden = !needsSetUp(status);
  const lines = [status.queued > 0 ? t('popupQueued', [status.queued]) : t('popupQueueEmpty')];
  if (status.rejected > 0) lines.push(t('popupRejected', [status.rejected, status.lastError ?? '']));
  document.getElementById('queue-state')!.textContent = lines.join(' ');
  document.getElementById('retry')!.hidden = status.queued === 0;
}

async function refreshWorker(): Promise<void> {
  const [answer, { hostUrl }] = await Promise.all([askWorker({ kind: 'status' }), getSettings()]);
  if (answer.ok) renderWorker(answer.status, hostUrl);
}

function setUpEvidence(): void {
  const save = document.getElementById('save-page') as HTMLButtonElement;
  save.addEventListener('click', async () => {
    const tab = await targetTab();
    if (tab?.id === undefined) return;
    save.disabled = true;
    say('save-status', t('popupSaving'));
    const answer = await askWorker({ kind: 'save-page', tabId: tab.id });
    save.disabled = false;
    if (answer.ok) say('save-status', t(answer.delivered ? 'popupSaved' : 'popupSavedQueued'), answer.delivered ? 'ok' : 'info');
    else say('save-status', t('popupSaveFailed', [answer.error]), 'error');
    await refreshWorker();
  });
  document.getElementById('retry')!.addEventListener('click', async () => {
    const [answer, { hostUrl }] = await Promise.all([askWorker({ kind: 'flush' }), getSettings()]);
    if (answer.ok) renderWorker(answer.status, hostUrl);
  });
  document.getElementById('open-host')!.addEventListener('click', (event) => {
    event.preventDefault();
    void askWorker({ kind: 'open-host', path: '/' });
  });
}

void translate().then(() => {
  setUpEvidence();
  void render();
  void refreshWorker();
});
chrome.storage.onChanged.addListener((_, area) => {
  void render();
  // The worker keeps the host link's state in session storage; pairing lives in local storage.
  if (area === 'session' || area === 'local') void refreshWorker();
});
