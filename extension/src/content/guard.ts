// Holding the action: capture-phase listeners on window, registered at document_start, run before any listener the
// page adds. Only trusted (user-made) events are held; replays are untrusted and pass straight through. Presses that
// lead up to the click (pointer, mouse, touch) are kept from the page too and recorded, so the replay is faithful.
import { controlInPath } from './controls';
import { Gesture } from './gesture';
import type { LabelMatcher } from './labels';
import { replayHeld, type Activation, type HeldAction } from './replay';

/** After a Confirm, the same control is let through for this long: a page that needs a second click gets it unasked. */
export const GRACE_MS = 10_000;

const PRESS_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'pointerup', 'mouseup', 'touchend'] as const;

export interface GuardOptions {
  labels: LabelMatcher;
  /** False while the guard is paused or switched off for this site. */
  isActive: () => boolean;
  /** True for nodes of the extension's own UI, whose events are never held. */
  isOwnUi: (target: EventTarget) => boolean;
  onHold: (held: HeldAction) => void;
  signal?: AbortSignal;
}

export interface Guard {
  /** The control whose action is held right now (dialog open), if any. */
  readonly held: Element | null;
  /** Ends the hold: on Confirm the action is replayed and the control let through for GRACE_MS. */
  release(held: HeldAction, confirmed: boolean): void;
}

export function installGuard(win: Window & typeof globalThis, options: GuardOptions): Guard {
  const gesture = new Gesture();
  const grace = new WeakMap<Element, number>();
  let held: Element | null = null;
  let replaying = false;

  const controlOf = (event: Event): Element | null => {
    if (!event.isTrusted || replaying || !options.isActive()) return null;
    const path = event.composedPath();
    if (path.some(options.isOwnUi)) return null;
    const control = controlInPath(path, options.labels);
    if (!control) return null;
    if ((grace.get(control) ?? 0) > performance.now()) return null;
    return control;
  };

  const stop = (event: Event, cancel: boolean): void => {
    if (cancel) event.preventDefault();
    event.stopImmediatePropagation();
  };

  const hold = (control: Element, activation: Activation, extra: Partial<HeldAction> = {}): void => {
    held = control;
    options.onHold({ control, activation, events: gesture.take(), ...extra });
  };

  const listen = (type: string, handler: (event: Event, control: Element) => void, relevant?: (event: Event) => boolean): void =>
    win.addEventListener(
      type,
      (event) => {
        if (relevant && !relevant(event)) return;
        const control = controlOf(event);
        if (!control) return;
        // While the dialog is open the control stays held, whatever else the user presses on it.
        if (held) return stop(event, event.cancelable);
        handler(event, control);
      },
      { capture: true, signal: options.signal },
    );

  for (const type of PRESS_EVENTS) {
    listen(type, (event) => {
      gesture.add(event);
      // Not cancelled: the browser must still produce the click that opens the dialog.
      stop(event, false);
    });
  }

  listen('click', (event, control) => {
    gesture.add(event);
    stop(event, true);
    hold(control, 'pointer');
  });

  listen('auxclick', (event, control) => {
    if ((event as MouseEvent).button !== 1 || !control.closest('a[href]')) return;
    stop(event, true);
    hold(control, 'auxclick');
  });

  // Only Enter and Space activate: typing elsewhere on the page never reaches the control lookup.
  const activationKey = (event: Event) => ['Enter', ' '].includes((event as KeyboardEvent).key);

  listen(
    'keydown',
    (event, control) => {
      if ((event as KeyboardEvent).key === ' ' && control.closest('a[href]')) return; // Space scrolls; it does not follow links
      gesture.add(event);
      stop(event, true);
      hold(control, 'keyboard');
    },
    activationKey,
  );

  // Space activates a button on key up; its key down was already held.
  listen('keyup', (event) => stop(event, true), (event) => (event as KeyboardEvent).key === ' ');

  // A submission that did not come through a held click (implicit submission, a label): held at the form.
  win.addEventListener(
    'submit',
    (event) => {
      const submit = event as SubmitEvent;
      if (!submit.isTrusted || replaying || !options.isActive() || !submit.submitter) return;
      const control = controlInPath([submit.submitter], options.labels);
      if (!control || (grace.get(control) ?? 0) > performance.now()) return;
      stop(event, true);
      if (!held) hold(control, 'submit', { form: submit.target as HTMLFormElement, submitter: submit.submitter });
    },
    { capture: true, signal: options.signal },
  );

  return {
    get held() {
      return held;
    },
    release(action, confirmed) {
      held = null;
      if (!confirmed) return;
      grace.set(action.control, performance.now() + GRACE_MS);
      replaying = true;
      try {
        replayHeld(action, win);
      } finally {
        replaying = false;
      }
    },
  };
}
