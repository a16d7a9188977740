// Which element is a confirm-receipt control. Pure DOM reads, no listeners: shared by the scanner (marking), the
// click guard (holding) and the tests.
import { normalizeLabel, type LabelMatcher } from './labels';

/** Elements that are controls by nature or by role. */
export const EXPLICIT_CONTROL =
  'a[href], button, input[type="submit"], input[type="button"], input[type="image"], summary, [role="button"], [role="link"], [role="menuitem"]';

/** Text here is never a control a user clicks: code, templates, form text, option lists, the document head. */
export const INERT_CONTEXT = 'script, style, template, textarea, select, option, optgroup, datalist, noscript, title, head';

const INERT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'OPTGROUP', 'DATALIST', 'NOSCRIPT', 'HEAD']);

export function isInertTag(element: Element): boolean {
  return INERT_TAGS.has(element.tagName);
}

/**
 * The text a user reads on an element, normalised; an icon-only control falls back to its accessible name.
 * Pass the matcher to use its cache of normalised texts.
 */
export function normalizedTextOf(element: Element, labels?: LabelMatcher): string {
  const normalize = labels ? (text: string) => labels.normalize(text) : normalizeLabel;
  // Tag checks, not instanceof: elements may come from another realm (a same-origin frame, a test document).
  if (element.tagName === 'INPUT') return normalize((element as HTMLInputElement).value || element.getAttribute('aria-label') || '');
  const text = normalize(element.textContent ?? '');
  if (text) return text;
  return normalize(element.getAttribute('aria-label') ?? element.getAttribute('title') ?? '');
}

/** Whether an element is shown and has a size: hidden and zero-size look-alikes are never guarded. */
export type RenderCheck = (element: Element) => boolean;

export const isRendered: RenderCheck = (element) => {
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
    return false;
  }
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
};

function hasOwnPointerCursor(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  if (view.getComputedStyle(element).cursor !== 'pointer') return false;
  // Inherited from a clickable ancestor (a card, a row) does not make this text a control of its own.
  const parent = element.parentElement;
  return !parent || view.getComputedStyle(parent).cursor !== 'pointer';
}

function isImplicitControl(element: Element): boolean {
  return element.hasAttribute('onclick') || (element.hasAttribute('tabindex') && element.getAttribute('tabindex') !== '-1');
}

/**
 * The confirm-receipt control that contains `start`, if any. Climbs from `start` past text that is empty (an icon)
 * or only part of a label ("确认" in <span>确认</span><span>收货</span>) to the elements whose whole text is a label,
 * then picks among them: the outermost real control (link, button, role=button…); else one with an inline click
 * handler or a tab stop; else one styled as clickable (its own pointer cursor).
 */
export function controlFor(start: Element, labels: LabelMatcher): Element | null {
  const chain: Element[] = [];
  for (let element: Element | null = start; element; element = element.parentElement) {
    const text = normalizedTextOf(element, labels);
    if (labels.matchesNormalized(text)) {
      chain.push(element);
      continue;
    }
    if (chain.length > 0 || text.length > labels.maxLength) break;
    // Empty (an icon inside the control) or a fragment of a label: keep climbing.
  }
  if (chain.length === 0) return null;
  const outermostFirst = chain.reverse();
  const control =
    outermostFirst.find((element) => element.matches(EXPLICIT_CONTROL)) ??
    outermostFirst.find(isImplicitControl) ??
    outermostFirst.find(hasOwnPointerCursor) ??
    null;
  if (!control || control.closest(INERT_CONTEXT)) return null;
  if ((control as HTMLButtonElement).disabled === true) return null;
  return control;
}

/**
 * The control an event went through, from its composed path (the click may land on an icon inside it). One climb
 * from the target covers its light-DOM ancestors; each shadow root the path leaves starts another climb at its host.
 */
export function controlInPath(path: readonly EventTarget[], labels: LabelMatcher): Element | null {
  for (let i = 0; i < path.length; i++) {
    const previous = path[i - 1] as Node | undefined;
    const starts = i === 0 || (previous?.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in previous);
    const target = path[i] as Node;
    if (starts && target.nodeType === Node.ELEMENT_NODE) {
      const control = controlFor(target as Element, labels);
      if (control) return control;
    }
  }
  return null;
}
