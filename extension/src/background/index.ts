// Service worker entry. Listeners are registered synchronously at the top level so that a worker woken by an event
// finds them; all state lives in IndexedDB (the outbox) and chrome.storage (settings, the host link's state).
import { HOST_CONNECTION_KEY, isWorkerRequest, type HostConnection, type HostSettings, type WorkerRequest, type WorkerStatus } from '../shared/protocol';
import { claimPairing, clientName, getPairing, PAIRING_KEY, setPairing } from '../shared/pairing';
import { getHostSettings, getSettings, HOST_SETTINGS_KEY } from '../shared/settings';
import { deliverPending, type DeliveryReport } from './delivery';
import { fetchResource } from './fetch-resource';
import { syncGenericScripts } from './generic-sites';
import { getHealth, getHostSettingsFrom, postSnapshot } from './host-client';
import { connectToHub, HostLink } from './host-link';
import { CaptureError, captureTab } from './manual-capture';
import { Outbox } from './outbox';
import { screenshotOfTab } from './screenshot';
import { forgetTab, recordGuardStatus } from './tab-status';
import { welcomeOnInstall } from './welcome';

const RETRY_ALARM = 'outbox-retry';
const DELIVERY_WAIT_MS = 1500;
const OUTBOX_STATUS_KEY = 'outboxStatus';
/** Parts of a page that stopped arriving a day ago will never be completed. */
const STALE_PARTS_MS = 24 * 60 * 60_000;
const outbox = new Outbox();
let lastReport: DeliveryReport | null = null;
let running: Promise<void> | null = null;
let again = false;
let connection: HostConnection = { state: 'connecting', since: Date.now(), error: null };

let skipBackoff = false;

/**
 * Delivers what is queued; concurrent calls coalesce into at most one more pass. `hostIsUp` (the hub just connected)
 * delivers even what is waiting out its backoff.
 */
function flush(hostIsUp = false): Promise<void> {
  skipBackoff ||= hostIsUp;
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const force = skipBackoff;
      skipBackoff = false;
      const [{ hostUrl }, { token }] = await Promise.all([getSettings(), getPairing()]);
      lastReport = await deliverPending(outbox, (snapshot) => postSnapshot(hostUrl, snapshot, fetch, token), Date.now, force);
      // A 401 to a token the host once gave: revoked, or the host's data was reset. The snapshots stay queued.
      if (lastReport.unpaired && token) await markRevoked(token);
    } while (again);
    await publishStatus();
    // Wake up later only while something can be delivered (alarms survive the worker being stopped); snapshots that
    // wait for pairing go when it is done (the pairing change flushes).
    if (lastReport.pending > 0 && !lastReport.unpaired) await chrome.alarms.create(RETRY_ALARM, { periodInMinutes: 0.5 });
    else await chrome.alarms.clear(RETRY_ALARM);
  })()
    .catch((error: unknown) => console.error('[ReceiptGuard] delivery failed', error))
    .finally(() => {
      running = null;
    });
  return running;
}

/**
 * The host no longer takes `refused`: forget it, close the link, keep every snapshot for after pairing again. Only
 * when it is still our token: a request made before the user paired again must not undo the new pairing.
 */
async function markRevoked(refused: string): Promise<void> {
  const pairing = await getPairing();
  if (pairing.state !== 'paired' || pairing.token !== refused) return;
  await setPairing({ token: null, clientId: pairing.clientId, state: 'revoked', since: Date.now() });
}

function setConnection(next: HostConnection): void {
  const wasUp = connection.state === 'connected';
  connection = next;
  void chrome.storage.session.set({ [HOST_CONNECTION_KEY]: next });
  // A WebSocket refused for a revoked token looks like any other failure: ask the host whether it still knows us.
  if (wasUp && next.state === 'offline') void checkPairing();
}

const hubToken = async (): Promise<string> => (await getPairing()).token ?? '';

const link = new HostLink(
  {
    state: setConnection,
    connected() {
      // The host is (back) up: deliver what waited, and learn its capture settings.
      void flush(true);
      void Promise.all([getSettings(), getPairing()])
        .then(([{ hostUrl }, { token }]) => getHostSettingsFrom(hostUrl, fetch, token))
        .then((settings) => settings && rememberHostSettings(settings));
    },
  snapshotStored(id) {
    // The host has it, even if the answer to our POST was lost (the worker stopped mid-request).
    void outbox.has(id).then(async (queued) => {
      if (!queued) return;
      await outbox.remove(id);
      await publishStatus();
    });
  },
    settingsChanged(settings) {
      void rememberHostSettings(settings);
    },
  },
  (hubUrl) => connectToHub(hubUrl, hubToken),
);

async function checkPairing(): Promise<void> {
  const [{ hostUrl }, { token }] = await Promise.all([getSettings(), getPairing()]);
  if (!token) return;
  const health = await getHealth(hostUrl, fetch, token).catch(() => null);
  if (health?.paired === false) await markRevoked(token);
}

async function rememberHostSettings(settings: HostSettings): Promise<void> {
  await chrome.storage.local.set({ [HOST_SETTINGS_KEY]: settings });
}

async function openLink(reopen = false): Promise<void> {
  const [{ hostUrl }, { token }] = await Promise.all([getSettings(), getPairing()]);
  if (!token) {
    // Nothing to say to the host before pairing: it would refuse the link.
    link.close();
    setConnection({ state: 'offline', since: Date.now(), error: 'not paired' });
    return;
  }
  if (reopen) link.reopen(hostUrl);
  else link.open(hostUrl);
}

/** Pairs through the host's one-time code; the token goes to chrome.storage.local only. */
async function pair(code: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const { hostUrl } = await getSettings();
  const claimed = await claimPairing(hostUrl, code, clientName(navigator.userAgent));
  if (!claimed.ok) return claimed;
  await setPairing({ token: claimed.token, clientId: claimed.clientId, state: 'paired', since: Date.now() });
  return { ok: true };
}

async function status(): Promise<WorkerStatus> {
  const entries = await outbox.list();
  const rejected = entries.filter((e) => e.rejected).length;
  return {
    queued: entries.length - rejected,
    rejected,
    lastError: lastReport?.lastError ?? entries.find((e) => e.lastError)?.lastError ?? null,
    host: connection,
    pairing: (await getPairing()).state,
  };
}

/** Puts the outbox's state where open extension pages (popup, options) see it change. */
async function publishStatus(): Promise<void> {
  const { queued, rejected, lastError } = await status();
  await chrome.storage.session.set({ [OUTBOX_STATUS_KEY]: { queued, rejected, lastError } });
}

async function queue(snapshotId: string): Promise<{ ok: true; queued: number; delivered: boolean }> {
  // A short wait for delivery, so the page can tell the user whether the host has it or it is queued.
  await Promise.race([flush(), new Promise((resolve) => setTimeout(resolve, DELIVERY_WAIT_MS))]);
  return { ok: true, queued: await outbox.count(), delivered: !(await outbox.has(snapshotId)) };
}

async function saveTab(tabId: number) {
  const snapshot = await captureTab(tabId, {
    settings: await getHostSettings(),
    screenshot: async (tab) => screenshotOfTab(tab, (await getHostSettings()).screenshots),
  });
  await outbox.add(snapshot);
  const answer = await queue(snapshot.id);
  return { ok: true as const, id: snapshot.id, delivered: answer.delivered };
}

async function handle(request: WorkerRequest, sender: chrome.runtime.MessageSender): Promise<unknown> {
  switch (request.kind) {
    case 'guard-status':
      if (sender.tab?.id !== undefined) await recordGuardStatus(sender.tab.id, sender.frameId ?? 0, request.status);
      return { ok: true };
    case 'snapshot-part':
      await outbox.addPart(request.id, request.index, request.text);
      return { ok: true };
    case 'snapshot':
      if (request.parts) await outbox.addFromParts(request.snapshot, request.parts);
      else await outbox.add(request.snapshot);
      await publishStatus();
      return queue(request.snapshot.id);
    case 'screenshot': {
      if (!sender.tab) return { ok: true, screenshot: null, error: 'not sent from a tab' };
      const shot = await screenshotOfTab(sender.tab, (await getHostSettings()).screenshots);
      return { ok: true, ...shot };
    }
    case 'fetch-resource':
      return { ok: true, ...(await fetchResource(request.url, request.maxBytes)) };
    case 'save-page':
      return saveTab(request.tabId);
    case 'open-host': {
      const { hostUrl } = await getSettings();
      await chrome.tabs.create({ url: `${hostUrl}${request.path}` });
      return { ok: true };
    }
    case 'flush':
      await flush();
      return { ok: true, status: await status() };
    case 'status':
      return { ok: true, status: await status() };
    case 'pair':
      // Only our own pages: a content script runs in shop pages, which have no business pairing anything.
      if (!sender.url?.startsWith(chrome.runtime.getURL(''))) return { ok: false, error: 'pairing is done on the options page' };
      return pair(request.code);
  }
}

function errorText(error: unknown): string {
  if (error instanceof CaptureError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (!isWorkerRequest(message)) return false;
  // Extension pages and content scripts only: another extension's messages do not arrive here (no externally_connectable).
  handle(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: errorText(error) }));
  return true; // answer asynchronously
});

// The keyboard shortcut: activeTab is granted for the tab in front, so it can be captured like from the popup.
chrome.commands?.onCommand.addListener((command, tab) => {
  if (command !== 'save-evidence' || tab?.id === undefined) return;
  const tabId = tab.id;
  saveTab(tabId).then(
    (answer) => showBadge(tabId, answer.delivered ? '✓' : '…', chrome.i18n.getMessage(answer.delivered ? 'badgeSaved' : 'badgeQueued')),
    (error: unknown) => showBadge(tabId, '!', chrome.i18n.getMessage('badgeFailed', [errorText(error)])),
  );
});

/** Says on the toolbar button what became of a shortcut capture, for a few seconds. */
function showBadge(tabId: number, text: string, title: string): void {
  void chrome.action.setBadgeText({ tabId, text });
  void chrome.action.setTitle({ tabId, title });
  setTimeout(() => {
    void chrome.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
    void chrome.action.setTitle({ tabId, title: '' }).catch(() => undefined);
  }, 5_000);
}

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void flush();
});
function startUp(): void {
  void flush();
  void outbox.dropStaleParts(STALE_PARTS_MS);
  void syncGenericScripts().catch((error: unknown) => console.error('[ReceiptGuard] generic rule', error));
}
chrome.runtime.onStartup.addListener(startUp);
chrome.runtime.onInstalled.addListener((details) => {
  startUp();
  void welcomeOnInstall(details, (url) => chrome.tabs.create({ url }), (path) => chrome.runtime.getURL(path)).catch((error: unknown) =>
    console.error('[ReceiptGuard] welcome page', error),
  );
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes.genericSites || changes.disabledShops)) void syncGenericScripts().catch((error: unknown) => console.error('[ReceiptGuard] generic rule', error));
  if (area === 'local' && changes.hostUrl) void openLink();
  if (area === 'local' && changes[PAIRING_KEY]) {
    // Paired (again): a link with the new token, and what waited is delivered now. Revoked: the link is closed.
    void openLink(true).then(() => flush(true));
  }
});
chrome.permissions.onRemoved.addListener(() => void syncGenericScripts());
chrome.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

// Every worker start (install, browser start, or a wake-up for a message or alarm) opens the link to the host.
void openLink();
