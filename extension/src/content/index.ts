// Content script entry, at document_start in every frame of a guarded page: the guard's listeners go first (before
// any page script), controls are marked once the document is parsed, and settings switch the guard on and off.
import { generic, labelsFor, orderHintFor, shopForHost, type ShopModule } from '../shops';
import { newUuid } from '../shared/ids';
import { askWorker } from '../shared/messaging';
import { PROTOCOL_VERSION, type Decision, type SnapshotV1 } from '../shared/protocol';
import { DEFAULT_SETTINGS, getSettings, guardActive, type Settings } from '../shared/settings';
import { capturePageHtml } from './capture';
import { normalizedTextOf } from './controls';
import { askDecision, isDialogHost, type DialogText } from './dialog';
import { installGuard } from './guard';
import type { HeldAction } from './replay';
import { observeControls } from './scanner';

// Pages reached here are either a known platform's (static content script) or a site the user enabled for the
// generic rule (registered at run time): anything that is not a known platform is the generic rule's.
const shop: ShopModule = shopForHost(location.hostname) ?? generic;
const labels = labelsFor(shop);
let settings: Pick<Settings, 'disabledShops' | 'pausedUntil'> = DEFAULT_SETTINGS;
let active = true;
let resumeTimer: ReturnType<typeof setTimeout> | undefined;

function dialogText(control: Element, orderHint: string | null): DialogText {
  const message = (key: string, substitutions?: string[]) => chrome.i18n.getMessage(key, substitutions);
  const name = chrome.i18n.getUILanguage().toLowerCase().startsWith('zh') ? shop.names.zh : shop.names.en;
  return {
    title: message('dialogTitle'),
    lead: message('dialogLead', [control.textContent?.trim() || normalizedTextOf(control), name]),
    page: orderHint ? message('dialogOrder', [orderHint]) : message('dialogPage', [document.title || location.href]),
    evidence: message('dialogEvidence'),
    confirm: message('dialogConfirm'),
    cancel: message('dialogCancel'),
  };
}

async function queueSnapshot(held: HeldAction, html: string, capturedAt: string, orderHint: string | null, decision: Decision): Promise<void> {
  const snapshot: SnapshotV1 = {
    v: PROTOCOL_VERSION,
    id: newUuid(),
    url: location.href,
    title: document.title,
    capturedAt,
    html,
    decision,
    site: shop.id,
    buttonText: (held.control.textContent ?? '').trim().slice(0, 200) || normalizedTextOf(held.control),
    orderHint,
  };
  // Wait until the worker has queued the snapshot durably: following a link may unload this page.
  const queued = await askWorker({ kind: 'snapshot', snapshot });
  if (!queued.ok) console.error('[ReceiptGuard] the snapshot could not be queued:', queued.error);
}

const guard = installGuard(window, {
  labels,
  isActive: () => active,
  isOwnUi: isDialogHost,
  onHold(held) {
    void decide(held);
  },
});

let controls = 0;
const scanner = observeControls(document, {
  labels,
  onScan(_, marked) {
    controls = marked;
    reportStatus();
  },
});

async function decide(held: HeldAction): Promise<void> {
  // The evidence is the page as it was when the user clicked, before the dialog covers it.
  const html = capturePageHtml(document);
  const capturedAt = new Date().toISOString();
  const orderHint = orderHintFor(shop, held.control, new URL(location.href));
  let decision: Decision = 'cancelled';
  try {
    const answer = askDecision(document, dialogText(held.control, orderHint));
    // User Timing from the user's press to the dialog on the page (DevTools, benchmarks).
    const pressed = held.events.at(-1)?.at;
    if (pressed !== undefined) performance.measure('receiptguard:hold', { start: pressed, end: performance.now() });
    decision = await answer;
  } catch (error) {
    console.error('[ReceiptGuard] the dialog failed', error);
  }
  // Cancel frees the control at once; Confirm waits until the evidence is safe, since following a link may unload
  // this page — and the user's decision stands even if saving the evidence failed.
  if (decision === 'cancelled') guard.release(held, false);
  try {
    await queueSnapshot(held, html, capturedAt, orderHint, decision);
  } catch (error) {
    console.error('[ReceiptGuard] the snapshot could not be queued', error);
  } finally {
    if (decision === 'confirmed') guard.release(held, true);
  }
}

let lastReported = '';
function reportStatus(): void {
  const status = { site: shop.id, hostname: location.hostname, active, controls };
  const key = JSON.stringify(status);
  if (key === lastReported) return;
  lastReported = key;
  void askWorker({ kind: 'guard-status', status });
}

function applySettings(next: Pick<Settings, 'disabledShops' | 'pausedUntil'>): void {
  settings = next;
  active = guardActive(settings, shop.id, location.hostname);
  scanner.setActive(active);
  reportStatus();
  // One timer while paused, to come back on by itself; none otherwise.
  if (resumeTimer !== undefined) clearTimeout(resumeTimer);
  resumeTimer = undefined;
  const until = settings.pausedUntil[location.hostname] ?? 0;
  if (!settings.disabledShops.includes(shop.id) && until > Date.now()) {
    resumeTimer = setTimeout(() => applySettings(settings), until - Date.now() + 50);
  }
}

// Settings are read once the page is idle, not while it loads: until then the guard is on (the safe default).
const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 0));
whenIdle(() => {
  void getSettings().then(applySettings);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || (!changes.disabledShops && !changes.pausedUntil)) return;
    void getSettings().then(applySettings);
  });
});
