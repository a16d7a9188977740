// Marking controls as they appear: one scan when the document is parsed, then only the subtrees that mutations
// add, batched by a short debounce. Nothing runs while the page is idle.
import { CONTROL_SELECTOR, findConfirmReceiptControls } from './detect';
import { markGuarded } from './guard';

export const SCAN_DEBOUNCE_MS = 50;

export interface ScannerOptions {
  signal?: AbortSignal;
  /** Called after each scan with the number of controls marked in it. */
  onScan?: (marked: number) => void;
}

export function observeControls(doc: Document, options: ScannerOptions = {}): void {
  const pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scan = (roots: Iterable<Node>): void => {
    let marked = 0;
    for (const node of roots) {
      if (!node.isConnected) continue;
      if (node instanceof Element) {
        for (const control of findConfirmReceiptControls(node)) {
          markGuarded(control);
          marked++;
        }
      } else {
        // A text change can turn an existing control into a confirm-receipt one.
        const control = node.parentElement?.closest(CONTROL_SELECTOR);
        if (control) {
          for (const found of findConfirmReceiptControls(control)) {
            markGuarded(found);
            marked++;
          }
        }
      }
    }
    options.onScan?.(marked);
  };

  const flush = (): void => {
    timer = undefined;
    const roots = [...pending];
    pending.clear();
    scan(roots);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      for (const node of record.addedNodes) pending.add(node);
    }
    if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, SCAN_DEBOUNCE_MS);
  });

  const start = (): void => {
    if (options.signal?.aborted) return;
    scan([doc.documentElement]);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };

  options.signal?.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true, signal: options.signal });
  else start();
}
