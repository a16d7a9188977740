// The serializer as a bundle of its own (dist/capture.js), injected on demand into any tab
// (chrome.scripting.executeScript under activeTab) and by the benchmark into plain pages, where `chrome` is absent.
import { captureEvidence, fetchThroughWorker } from './page-evidence';
import { serializePage, type SerializedPage, type SerializeOptions } from './serialize';

type CaptureOptions = Partial<SerializeOptions> & { extensionVersion?: string };

declare global {
  var receiptGuardCapture: (options?: CaptureOptions) => Promise<SerializedPage>;
}

/** Our own dialog and notice hosts are never part of the evidence. */
const isOwnElement = (element: Element): boolean => element.localName === 'receiptguard-dialog' || element.localName === 'receiptguard-notice';

function extensionVersion(): string {
  try {
    return globalThis.chrome?.runtime?.getManifest?.().version ?? 'dev';
  } catch {
    return 'dev';
  }
}

globalThis.receiptGuardCapture = (options?: CaptureOptions) =>
  serializePage(document, { extensionVersion: extensionVersion(), exclude: isOwnElement, ...options });

// "Save evidence of this page": the worker calls this after injecting the bundle, with the host's budgets. Resources
// the page may not read are fetched by the worker (a function cannot travel through executeScript, so it is bound here).
globalThis.receiptGuardEvidence = (budget) =>
  captureEvidence(document, {
    extensionVersion: extensionVersion(),
    budget,
    exclude: isOwnElement,
    fetchFallback: (url) => fetchThroughWorker(url, budget.maxResourceBytes),
  });
