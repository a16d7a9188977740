// Service worker entry. Listeners are registered synchronously at the top level so that a worker woken by an event
// finds them; all state lives in IndexedDB (the outbox) and chrome.storage (settings).
import { isWorkerRequest, type WorkerRequest } from '../shared/protocol';
import { getSettings } from '../shared/settings';
import { deliverPending, type DeliveryReport } from './delivery';
import { postSnapshot } from './host-client';
import { Outbox } from './outbox';

const RETRY_ALARM = 'outbox-retry';
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

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case 'snapshot':
      await outbox.add(request.snapshot);
      void flush();
      return { ok: true, queued: await outbox.count() };
    case 'flush':
      await flush();
      return { ok: true, status: { queued: await outbox.count(), lastError: lastReport?.lastError ?? null } };
    case 'status':
      return { ok: true, status: { queued: await outbox.count(), lastError: lastReport?.lastError ?? null } };
  }
}

chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (!isWorkerRequest(message)) return false;
  handle(message).then(sendResponse, (error: unknown) =>
    sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return true; // answer asynchronously
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void flush();
});
chrome.runtime.onStartup.addListener(() => void flush());
chrome.runtime.onInstalled.addListener(() => void flush());
