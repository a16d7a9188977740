// Finding and marking controls: one pass over the document when it is parsed, then only what mutations add, batched
// by a short debounce. Open shadow roots are walked and observed too. Nothing is scheduled while the page is idle.
import { controlFor, isInertTag, isRendered, type RenderCheck } from './controls';
import type { LabelMatcher } from './labels';

export const GUARDED_ATTRIBUTE = 'data-receiptguard';
export const GUARDED_VALUE = 'guarded';
export const SCAN_DEBOUNCE_MS = 30;

export function markGuarded(control: Element): void {
  if (control.getAttribute(GUARDED_ATTRIBUTE) !== GUARDED_VALUE) control.setAttribute(GUARDED_ATTRIBUTE, GUARDED_VALUE);
}

export interface Scan {
  controls: Element[];
  shadowRoots: ShadowRoot[];
  /** Nodes visited: the cost of the scan. */
  visited: number;
}

/** Moves the walker past the current node's subtree; null at the end of the walk. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * Every confirm-receipt control at or below `root`, and the open shadow roots found on the way (not entered: the
 * caller scans and observes them). Text is checked node by node, so the cost is one visit per node.
 */
export function scanSubtree(root: Node, labels: LabelMatcher, rendered: RenderCheck = isRendered): Scan {
  const candidates = new Set<Element>();
  const shadowRoots: ShadowRoot[] = [];
  let visited = 0;

  if (root.nodeType === Node.TEXT_NODE) {
    visited = 1;
    const parent = root.parentElement;
    if (parent && labels.mayBePartOf((root as Text).data)) candidates.add(parent);
  } else if (root.nodeType === Node.ELEMENT_NODE || root.nodeType === Node.DOCUMENT_NODE || root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node: Node | null = walker.currentNode;
    while (node) {
      visited++;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        if (isInertTag(element)) {
          node = element === root ? null : skipSubtree(walker);
          continue;
        }
        if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
        if (element.tagName === 'INPUT' || (element.hasAttribute('aria-label') && element.childElementCount === 0)) candidates.add(element);
      } else {
        const parent = node.parentElement;
        if (parent && labels.mayBePartOf((node as Text).data)) candidates.add(parent);
      }
      node = walker.nextNode();
    }
  }

  const controls = new Set<Element>();
  for (const candidate of candidates) {
    const control = controlFor(candidate, labels);
    if (control && rendered(control)) controls.add(control);
  }
  return { controls: [...controls], shadowRoots, visited };
}

export interface ScannerOptions {
  labels: LabelMatcher;
  rendered?: RenderCheck;
  signal?: AbortSignal;
  /** Called after each scan with the number of controls now marked (for the popup's count). */
  onScan?: (scan: Scan, marked: number) => void;
}

export interface Scanner {
  /** Number of controls currently marked. */
  count(): number;
  /** Off: stop observing and remove every mark (guard paused or switched off). On: observe and scan everything again. */
  setActive(active: boolean): void;
}

export function observeControls(doc: Document, options: ScannerOptions): Scanner {
  const { labels, rendered = isRendered, signal } = options;
  const marked = new Set<Element>();
  const pending = new Set<Node>();
  const roots: (Document | ShadowRoot)[] = [doc];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let parsed = false;
  let active = true;
  let needsPrune = false;

  const flush = (): void => {
    timer = undefined;
    const changed = [...pending];
    pending.clear();
    prune();
    scan(changed);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        pending.add(record.target);
      } else {
        for (const node of record.addedNodes) pending.add(node);
      }
      // A removal or a text change may take a marked control away or change its text.
      if (record.type === 'characterData' || record.removedNodes.length > 0) needsPrune = marked.size > 0;
    }
    if ((pending.size > 0 || needsPrune) && timer === undefined) timer = setTimeout(flush, SCAN_DEBOUNCE_MS);
  });

  const observeAll = (): void => {
    for (const root of roots) observer.observe(root, { childList: true, subtree: true, characterData: true });
  };

  const scan = (changed: Iterable<Node>): void => {
    const start = performance.now();
    const total: Scan = { controls: [], shadowRoots: [], visited: 0 };
    const queue = [...changed];
    while (queue.length > 0) {
      const root = queue.pop()!;
      if (!root.isConnected) continue;
      const found = scanSubtree(root, labels, rendered);
      total.visited += found.visited;
      for (const control of found.controls) {
        markGuarded(control);
        marked.add(control);
        total.controls.push(control);
      }
      for (const shadowRoot of found.shadowRoots) {
        if (roots.includes(shadowRoot)) continue;
        roots.push(shadowRoot);
        observer.observe(shadowRoot, { childList: true, subtree: true, characterData: true });
        total.shadowRoots.push(shadowRoot);
        queue.push(shadowRoot);
      }
    }
    // A User Timing entry per scan: visible in DevTools' performance panel, read by the benchmarks.
    performance.measure('receiptguard:scan', { start, detail: { visited: total.visited, found: total.controls.length } });
    options.onScan?.(total, marked.size);
  };

  /** Marks on controls whose text changed or that left the page go. */
  const prune = (): void => {
    if (!needsPrune) return;
    needsPrune = false;
    for (const control of marked) {
      if (!control.isConnected || controlFor(control, labels) !== control) {
        control.removeAttribute(GUARDED_ATTRIBUTE);
        marked.delete(control);
      }
    }
  };

  const start = (): void => {
    if (signal?.aborted || !active) return;
    observeAll();
    scan(roots.map((root) => (root instanceof Document ? root.documentElement : root)));
  };

  const stop = (): void => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending.clear();
    for (const control of marked) control.removeAttribute(GUARDED_ATTRIBUTE);
    marked.clear();
  };

  signal?.addEventListener('abort', stop);
  const onParsed = (): void => {
    parsed = true;
    start();
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', onParsed, { once: true, signal });
  else onParsed();

  return {
    count: () => marked.size,
    setActive(next) {
      if (next === active) return;
      active = next;
      if (!next) stop();
      else if (parsed) start();
    },
  };
}
