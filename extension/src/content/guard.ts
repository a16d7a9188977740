// Holding the click: a capture-phase listener on window, registered at document_start, so it runs before any
// listener the page adds. Only trusted (user-made) clicks are held; the replay after Confirm is an untrusted
// click and passes straight through to the page.
import { controlInPath, GUARDED_ATTRIBUTE, GUARDED_VALUE } from './detect';

export interface ClickGuardOptions {
  /** Called with the control whose click was just held. */
  onHold: (control: Element) => void;
  /** True for nodes of the extension's own UI, whose clicks are never held. */
  isOwnUi: (target: EventTarget) => boolean;
  signal?: AbortSignal;
}

export function markGuarded(control: Element): void {
  if (control.getAttribute(GUARDED_ATTRIBUTE) !== GUARDED_VALUE) control.setAttribute(GUARDED_ATTRIBUTE, GUARDED_VALUE);
}

export function installClickGuard(target: Window, options: ClickGuardOptions): void {
  target.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const path = event.composedPath();
      if (path.some(options.isOwnUi)) return;
      const control = controlInPath(path);
      if (!control) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      markGuarded(control);
      options.onHold(control);
    },
    { capture: true, signal: options.signal },
  );
}

/** Lets the held action happen: the page's own handlers run and a link is followed, as if never held. */
export function replayActivation(control: Element): void {
  if (control instanceof HTMLElement) control.click();
}
