// The serializer as a bundle of its own (dist/capture.js), injected on demand into any tab
// (chrome.scripting.executeScript under activeTab) and by the benchmark into plain pages, where `chrome` is absent.
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
