// Finding and marking controls: one pass over the document when it is parsed, then only what mutations add, batched
// by a short debounce. Open shadow roots are walked and observed too. Nothing is scheduled while the page is idle.
import { controlFor, INERT_CONTEXT, isInertTag, isRendered, type RenderCheck } from './controls';
import type { LabelMatcher } from './labels';

export const GUARDED_ATTRIBUTE = 'data-receiptguard';
export const GUARDED_VALUE = 'guarded';
export const SCAN_DEBOUNCE_MS = 30;
/** Longer texts are prose, not a control's label (see labels.ts). */
const MAX_TEXT = 64;

export function markGuarded(control: Element): void {
  if (control.getAttribute(GUARDED_ATTRIBUTE) !== GUARDED_VALUE) control.setAttribute(GUARDED_ATTRIBUTE, GUARDED_VALUE);
}

export interface Scan {
  controls: Element[];
  shadowRoots: ShadowRoot[];
  /** Nodes visited: the cost of the scan. */
  visited: number;
}

/** Inputs whose value is their label, and icon-only controls named by aria-label: found natively. */
const VALUE_OR_NAME_CONTROLS = 'input[type="submit"], input[type="button"], input[type="image"], [aria-label]';

/**
 * Every confirm-receipt control at or below `root`, and the open shadow roots found on the way (not entered: the
 * caller scans and observes them). Only text nodes are walked in script, and each costs one string test against the
 * labels' anchors; elements are found by the browser's selector engine.
 */
export function scanSubtree(root: Node, labels: LabelMatcher, rendered: RenderCheck = isRendered): Scan {
  const candidates = new Set<Element>();
  const shadowRoots: ShadowRoot[] = [];
  let visited = 0;
  const consider = (text: Node): void => {
    if (!labels.mayBePartOf((text as Text).data)) return;
    const parent = text.parentElement;
    if (parent && !isInertTag(parent)) candidates.add(parent);
  };

  if (root.nodeType === Node.TEXT_NODE) {
    visited = 1;
    if (labels.hasAnchor((root as Text).data)) consider(root);
  } else if (root.nodeType === Node.ELEMENT_NODE || root.nodeType === Node.DOCUMENT_NODE || root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
    const container = root as Element | Document | DocumentFragment;
    if (root.nodeType === Node.ELEMENT_NODE && isInertTag(root as Element)) return { controls: [], shadowRoots, visited: 1 };
    const texts = candidateTexts(container, labels);
    visited += texts.length;
    for (const text of texts) consider(text);
    for (const element of container.querySelectorAll(VALUE_OR_NAME_CONTROLS)) candidates.add(element);
    if (root.nodeType === Node.ELEMENT_NODE && (root as Element).matches(VALUE_OR_NAME_CONTROLS)) candidates.add(root as Element);
    for (const host of shadowHostsIn(container)) shadowRoots.push(host.shadowRoot!);
  }

  const controls = new Set<Element>();
  for (const candidate of candidates) {
    if (candidate.closest(INERT_CONTEXT)) continue;
    const control = controlFor(candidate, labels);
    if (control && rendered(control)) controls.add(control);
  }
  return { controls: [...controls], shadowRoots, visited };
}

/** XPath needs a document or an element as its context: a shadow root is searched through its children. */
const contextsOf = (container: Element | Document | DocumentFragment): (Element | Document)[] =>
  container.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? [...(container as DocumentFragment).children] : [container as Element | Document];

/**
 * The text nodes that may hold a piece of a label. The loop is kept to one native test per node (a precompiled
 * pattern of the labels' anchors): it runs once over the whole page, cold, in the extension's world, where every
 * node visited costs. (The browser's XPath engine was tried and is several times slower at this.)
 */
function candidateTexts(container: Element | Document | DocumentFragment, labels: LabelMatcher): Node[] {
  const doc = container.ownerDocument ?? (container as Document);
  if (container === doc || container === doc.documentElement) {
    const fromPageWorld = candidatesFromPageWorld(doc, labels);
    if (fromPageWorld) return fromPageWorld;
  }
  const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const pattern = labels.anchorPattern;
  const found: Node[] = [];
  for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
    const data = (text as Text).data;
    if (data.length <= MAX_TEXT && pattern.test(data)) found.push(text);
  }
  return found;
}

/** Shared with main-world/page-world.ts. */
export const SCAN_EVENT = 'receiptguard-scan';
export const SCAN_ATTRIBUTE = 'data-receiptguard-scan';
export const CANDIDATE_ATTRIBUTE = 'data-receiptguard-candidate';

/**
 * The whole document's candidate texts, found by the page-world helper (see page-world.ts: walking every text node
 * is several times cheaper there). Null when the helper did not answer; the caller then walks itself.
 */
function candidatesFromPageWorld(doc: Document, labels: LabelMatcher): Node[] | null {
  const root = doc.documentElement;
  const view = doc.defaultView;
  if (!view) return null;
  root.setAttribute(SCAN_ATTRIBUTE, labels.anchorPattern.source);
  root.dispatchEvent(new view.CustomEvent(SCAN_EVENT));
  if (root.hasAttribute(SCAN_ATTRIBUTE)) {
    root.removeAttribute(SCAN_ATTRIBUTE);
    return null;
  }
  const texts: Node[] = [];
  for (const element of doc.querySelectorAll(`[${CANDIDATE_ATTRIBUTE}]`)) {
    element.removeAttribute(CANDIDATE_ATTRIBUTE);
    for (const child of element.childNodes) if (child.nodeType === Node.TEXT_NODE) texts.push(child);
  }
  return texts;
}

/**
 * Custom elements with open shadow roots (where components keep them), found by the browser's XPath engine rather
 * than by visiting every element in script. A shadow root on a plain element is not marked ahead of time; a click
 * inside it is still held, since holding reads the event's composed path.
 */
function shadowHostsIn(container: Element | Document | DocumentFragment): Element[] {
  const hosts: Element[] = [];
  if (container.nodeType === Node.ELEMENT_NODE && (container as Element).shadowRoot) hosts.push(container as Element);
  const doc = container.ownerDocument ?? (container as Document);
  for (const context of contextsOf(container)) {
    let custom: Element[];
    if (typeof doc.evaluate === 'function') {
      const result = doc.evaluate(".//*[contains(local-name(), '-')]", context, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
      custom = Array.from({ length: result.snapshotLength }, (_, i) => result.snapshotItem(i) as Element);
    } else {
      custom = [...context.querySelectorAll('*')].filter((element) => element.localName.includes('-'));
    }
    for (const element of custom) if (element.shadowRoot) hosts.push(element);
  }
  return hosts;
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
  // The first scan waits for the browser's first idle moment after parsing: by then the page has laid itself out,
  // so measuring controls costs nothing extra, and the page's own start-up is not delayed. Holding does not wait for
  // it: clicks are judged when they happen.
  const onParsed = (): void => {
    const view = doc.defaultView;
    const later = (run: () => void) =>
      view && 'requestIdleCallback' in view ? view.requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 0);
    later(() => {
      parsed = true;
      start();
    });
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
