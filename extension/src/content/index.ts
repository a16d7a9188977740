// Content script entry, at document_start on shop pages: hold the click first, then mark controls once parsed.
import { shopForHost, type Shop } from '../shops';
import { askWorker } from '../shared/messaging';
import { newUuid } from '../shared/ids';
import { PROTOCOL_VERSION, type Decision, type SnapshotV1 } from '../shared/protocol';
import { capturePageHtml } from './capture';
import { controlText } from './detect';
import { askDecision, isDialogHost, type DialogText } from './dialog';
import { installClickGuard, replayActivation } from './guard';
import { observeControls } from './scanner';

function dialogText(control: Element, shop: Shop): DialogText {
  const message = (key: string, substitutions?: string[]) => chrome.i18n.getMessage(key, substitutions);
  return {
    title: message('dialogTitle'),
    lead: message('dialogLead', [controlText(control), location.hostname || shop.id]),
    page: message('dialogPage', [document.title || location.href]),
    evidence: message('dialogEvidence'),
    confirm: message('dialogConfirm'),
    cancel: message('dialogCancel'),
  };
}

async function hold(control: Element, shop: Shop): Promise<void> {
  // The evidence is the page as it was when the user clicked, before the dialog covers it.
  const html = capturePageHtml(document);
  const capturedAt = new Date().toISOString();
  const decision = await askDecision(document, dialogText(control, shop));
  try {
    await queueSnapshot(control, shop, html, capturedAt, decision);
  } finally {
    // The user's decision stands even if saving the evidence failed.
    if (decision === 'confirmed') replayActivation(control);
  }
}

async function queueSnapshot(control: Element, shop: Shop, html: string, capturedAt: string, decision: Decision): Promise<void> {
  const snapshot: SnapshotV1 = {
    v: PROTOCOL_VERSION,
    id: newUuid(),
    url: location.href,
    title: document.title,
    capturedAt,
    html,
    decision,
    site: shop.id,
    buttonText: controlText(control),
  };
  // Wait until the worker has queued the snapshot durably: following a link may unload this page.
  const queued = await askWorker({ kind: 'snapshot', snapshot });
  if (!queued.ok) console.error('[ReceiptGuard] the snapshot could not be queued:', queued.error);
}

function start(shop: Shop): void {
  let holding = false;
  installClickGuard(window, {
    isOwnUi: isDialogHost,
    onHold(control) {
      if (holding) return;
      holding = true;
      hold(control, shop)
        .catch((error: unknown) => console.error('[ReceiptGuard] holding the click failed', error))
        .finally(() => {
          holding = false;
        });
    },
  });
  observeControls(document);
}

const shop = shopForHost(location.hostname);
if (shop) start(shop);
