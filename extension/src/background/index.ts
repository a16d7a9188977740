// Service worker entry. Listeners are registered synchronously at the top level so that a worker woken by an event
// finds them; all state lives in IndexedDB (the outbox) and chrome.storage (settings).
import { isWorkerRequest, type WorkerRequest } from '../shared/protocol';
import { getSettings } from '../shared/settings';
import { deliverPending, type DeliveryReport } from './delivery';
import { syncGenericScripts } from './generic-sites';
import { postSnapshot } from './host-client';
import { Outbox } from './outbox';
import { forgetTab, recordGuardStatus } from './tab-status';

const RETRY_ALARM = 'outbox-retry';
const DELIVERY_WAIT_MS = 1500;
const outbox = new Outbox();
let lastReport: DeliveryReport | null = null;
let running: Promise<void> | null = null;
let again = false;

/** Delivers what is queued; concurrent calls coalesce into at most one more pass. */
function flush(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const { hostUrl } = await getSettings();
      lastReport = await deliverPending(outbox, (snapshot) => postSnapshot(hostUrl, snapshot));
    } while (again);
    // Wake up later only while something is waiting (alarms survive the worker being stopped).
    if (lastReport.pending > 0) await chrome.alarms.create(RETRY_ALARM, { periodInMinutes: 0.5 });
    else await chrome.alarms.clear(RETRY_ALARM);
  })()
    .catch((error: unknown) => console.error('[ReceiptGuard] delivery failed', error))
    .finally(() => {
      running = null;
    });
  return running;
}

async function handle(request: WorkerRequest, sender: chrome.runtime.MessageSender): Promise<unknown> {
  switch (request.kind) {
    case 'guard-status':
      if (sender.tab?.id !== undefined) await recordGuardStatus(sender.tab.id, sender.frameId ?? 0, request.status);
      return { ok: true };
    case 'snapshot': {
      await outbox.add(request.snapshot);
      // A short wait for delivery, so the page can tell the user whether the host has it or it is queued.
      await Promise.race([flush(), new Promise((resolve) => setTimeout(resolve, DELIVERY_WAIT_MS))]);
      return { ok: true, queued: await outbox.count(), delivered: !(await outbox.has(request.snapshot.id)) };
    }
    case 'open-host': {
      const { hostUrl } = await getSettings();
      await chrome.tabs.create({ url: `${hostUrl}${request.path}` });
      return { ok: true };
    }
    case 'flush':
      await flush();
      return { ok: true, status: { queued: await outbox.count(), lastError: lastReport?.lastError ?? null } };
    case 'status':
      return { ok: true, status: { queued: await outbox.count(), lastError: lastReport?.lastError ?? null } };
  }
}

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (!isWorkerRequest(message)) return false;
  handle(message, sender).then(sendResponse, (error: unknown) =>
    sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return true; // answer asynchronously
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void flush();
});
function startUp(): void {
  void flush();
  void syncGenericScripts().catch((error: unknown) => console.error('[ReceiptGuard] generic rule', error));
}
chrome.runtime.onStartup.addListener(startUp);
chrome.runtime.onInstalled.addListener(startUp);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (changes.genericSites || changes.disabledShops)) void syncGenericScripts().catch((error: unknown) => console.error('[ReceiptGuard] generic rule', error));
});
chrome.permissions.onRemoved.addListener(() => void syncGenericScripts());
chrome.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
