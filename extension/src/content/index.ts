// Content script entry, at document_start in every frame of a guarded page: the guard's listeners go first (before
// any page script), controls are marked once the page is idle, and settings switch the guard on and off.
import { factsFor, generic, labelsFor, shopForHost, type ShopModule } from '../shops';
import { currentLanguage, shopName, t, useMessages } from '../shared/i18n';
import { askWorker } from '../shared/messaging';
import { captureEvidence, fetchThroughWorker, pageContext, snapshotOf, type PageEvidence } from '../capture/page-evidence';
import type { CaptureKind, Decision, SnapshotV1, WorkerResponse } from '../shared/protocol';
import { sendSnapshot } from '../shared/send-snapshot';
import { DEFAULT_SETTINGS, getHostSettings, getSettings, guardActive, type Settings } from '../shared/settings';
import { capturePageHtml } from './capture';
import { normalizedTextOf } from './controls';
import { buildDialogContent } from './dialog-content';
import { askDecision, isDialogHost } from './dialog';
import { installGuard } from './guard';
import { showNotice, type NoticeAction } from './notice';
import type { HeldAction } from './replay';
import { observeControls } from './scanner';

// Pages reached here are either a known platform's (static content script) or a site the user enabled for the
// generic rule (registered at run time): anything that is not a known platform is the generic rule's.
const shop: ShopModule = shopForHost(location.hostname) ?? generic;
const labels = labelsFor(shop);
let settings: Settings = { ...DEFAULT_SETTINGS };
let active = true;
let resumeTimer: ReturnType<typeof setTimeout> | undefined;

type Queued = WorkerResponse<{ kind: 'snapshot'; snapshot: SnapshotV1 }>;

/**
 * Where the dialog and the notice go: the top page when this is a same-origin frame (a frame may be too small to
 * hold them), else this document.
 */
function uiDocument(): Document {
  try {
    if (window.top && window.top !== window) return window.top.document;
  } catch {
    // A cross-origin parent: stay in this frame.
  }
  return document;
}

function buttonTextOf(control: Element): string {
  return (control.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200) || normalizedTextOf(control);
}

/** Starts serialising the page now (its state is what the evidence shows) and resolves once resources are inlined. */
function startCapture(): Promise<PageEvidence> {
  const doc = uiDocument();
  const extensionVersion = chrome.runtime.getManifest().version;
  return getHostSettings()
    .then((budget) =>
      captureEvidence(doc, {
        extensionVersion,
        budget,
        exclude: isDialogHost,
        fetchFallback: (url) => fetchThroughWorker(url, budget.maxResourceBytes),
      }),
    )
    .catch((error: unknown) => {
      // The evidence must not be lost to a serializer bug: fall back to the page's bare markup.
      console.error('[ReceiptGuard] capture failed, keeping the bare page', error);
      const report = { durationMs: 0, htmlLength: 0, inlinedResources: 0, inlinedBytes: 0, skipped: [{ url: doc.location.href, reason: `serializer failed: ${String(error)}` }] };
      return { url: doc.location.href, title: doc.title, html: captureWithoutDialog(doc), embeddedData: [], context: pageContext(window, extensionVersion, null, report) };
    });
}

/** A picture of the tab once our dialog has left the screen (two frames: removed, then painted). */
async function screenshotNow(): Promise<{ screenshot: string | null; error: string | null }> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const answer = await askWorker({ kind: 'screenshot' });
  return answer.ok ? { screenshot: answer.screenshot, error: answer.error } : { screenshot: null, error: answer.error };
}

async function queueSnapshot(
  capture: CaptureKind,
  decision: Decision,
  page: PageEvidence,
  shot: { screenshot: string | null; error: string | null },
  capturedAt: string,
  buttonText: string,
  orderHint: string | null,
): Promise<{ id: string; answer: Queued }> {
  const snapshot = snapshotOf(page, { capture, decision, capturedAt, site: shop.id, buttonText, orderHint, shot });
  // Wait until the worker has queued the snapshot durably: following a link may unload this page.
  return { id: snapshot.id, answer: await sendSnapshot(askWorker, snapshot) };
}

/** After the choice: what happened to the click and to the evidence, and where to go next. */
function tellOutcome(decision: Decision, snapshotId: string, answer: Queued, orderHint: string | null): void {
  const open = (path: string) => () => void askWorker({ kind: 'open-host', path });
  const actions: NoticeAction[] = [];
  let text: string;
  if (!answer.ok) {
    text = t('noticeFailed', [answer.error]);
  } else if (decision === 'confirmed') {
    text = t(answer.delivered ? 'noticeConfirmed' : 'noticeConfirmedQueued');
  } else {
    text = t(answer.delivered ? 'noticeCancelled' : 'noticeCancelledQueued');
    actions.push({ id: 'guide', label: t('noticeGuide'), run: open(`/guide?platform=${encodeURIComponent(shop.id)}`) });
  }
  if (answer.ok) actions.push({ id: 'open', label: t('noticeOpenHost'), run: open(`/snapshots/${snapshotId}`) });
  if (decision === 'cancelled') {
    actions.push({
      id: 'save-again',
      label: t('noticeSaveAgain'),
      run: async () => {
        const capturedAt = new Date().toISOString();
        const page = startCapture();
        const shot = await screenshotNow();
        const again = await queueSnapshot('manual', 'none', await page, shot, capturedAt, '', orderHint);
        notice.say(again.answer.ok ? t('noticeSavedAgain') : t('noticeFailed', [again.answer.error]));
      },
    });
  }
  const notice = showNotice(uiDocument(), {
    text,
    tone: !answer.ok ? 'error' : answer.delivered ? 'ok' : 'warn',
    actions,
    closeLabel: t('noticeClose'),
    lang: currentLanguage().replace('_', '-'),
  });
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

/** The page's bare markup without our dialog's host element (whose closed shadow root serialises to nothing anyway). */
function captureWithoutDialog(doc: Document): string {
  return capturePageHtml(doc).replace(/<receiptguard-(?:dialog|notice)\b[^>]*><\/receiptguard-(?:dialog|notice)>/g, '');
}

async function decide(held: HeldAction): Promise<void> {
  const capturedAt = new Date().toISOString();
  const facts = factsFor(shop, held.control, new URL(location.href));
  const buttonText = buttonTextOf(held.control);
  let decision: Decision = 'cancelled';
  let checklist: Record<string, boolean> | null = null;
  let page: Promise<PageEvidence> | null = null;
  try {
    const content = buildDialogContent(
      {
        facts,
        buttonText,
        shopName: shopName(shop.id),
        friction: settings.friction,
        typeAboveAmount: settings.typeAboveAmount,
        lang: currentLanguage().replace('_', '-'),
      },
      t,
    );
    const answer = askDecision(uiDocument(), content);
    // User Timing from the user's press to the dialog on the page (DevTools, benchmarks).
    const pressed = held.events.at(-1)?.at;
    if (pressed !== undefined) performance.measure('receiptguard:hold', { start: pressed, end: performance.now() });
    // The evidence: the page as it was when the user clicked (the click is held, so the page has not acted). Taken
    // once the dialog is on screen, so that serialising a large page never delays it; images are inlined while the
    // user reads.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    page = startCapture();
    ({ decision, checklist } = await answer);
  } catch (error) {
    console.error('[ReceiptGuard] the dialog failed', error);
  }
  // Cancel frees the control at once; Confirm waits until the evidence is safe, since following a link may unload
  // this page — and the user's decision stands even if saving the evidence failed.
  if (decision === 'cancelled') guard.release(held, false);
  try {
    const shot = await screenshotNow();
    const evidence = await (page ?? startCapture());
    evidence.context.checklist = checklist;
    const { id, answer } = await queueSnapshot('guard', decision, evidence, shot, capturedAt, buttonText, facts.orderId);
    tellOutcome(decision, id, answer, facts.orderId);
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

function applySettings(next: Settings): void {
  settings = next;
  useMessages(settings.language, settings.localeMessages);
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
    if (area !== 'local') return;
    if (changes.disabledShops || changes.pausedUntil || changes.friction || changes.typeAboveAmount || changes.language || changes.localeMessages) {
      void getSettings().then(applySettings);
    }
  });
});
