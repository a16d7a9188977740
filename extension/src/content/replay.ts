// After Confirm, the held activation happens: the recorded events are dispatched again (untrusted, so the guard
// lets them pass) in their original order, and the browser's own default actions follow from them — a synthetic
// click on a link follows it (with its target, _blank included), on a submit button submits the form with its values.
import type { RecordedEvent } from './gesture';

type Realm = Window & typeof globalThis;

export type Activation = 'pointer' | 'keyboard' | 'submit' | 'auxclick';

export interface HeldAction {
  control: Element;
  activation: Activation;
  events: RecordedEvent[];
  /** The form and submitter of a held submission. */
  form?: HTMLFormElement;
  submitter?: HTMLElement | null;
}

const NATIVE_ACTIVATION = 'a[href], button, input[type="submit"], input[type="button"], input[type="image"], summary';

/** Shared with main-world/page-world.ts. */
export const REPLAY_EVENT = 'receiptguard-replay';
export const REPLAY_ATTRIBUTE = 'data-receiptguard-replay';

/** A `javascript:` link runs page script: only the page's own world may follow it. */
function needsPageWorld(control: Element): boolean {
  const href = control.closest('a[href]')?.getAttribute('href') ?? '';
  return /^\s*javascript:/i.test(href);
}

/** The control's click, performed by the page world's helper when needed, else here. */
export function clickControl(control: Element, win: Realm): void {
  if (needsPageWorld(control)) {
    control.setAttribute(REPLAY_ATTRIBUTE, '');
    control.dispatchEvent(new win.CustomEvent(REPLAY_EVENT, { bubbles: true, composed: true }));
    // The helper removes the mark when it has clicked; if it is missing, click here (the browser may refuse).
    if (!control.hasAttribute(REPLAY_ATTRIBUTE)) return;
    control.removeAttribute(REPLAY_ATTRIBUTE);
  }
  (control as HTMLElement).click();
}

function touchList(win: Realm, recorded: RecordedEvent, target: EventTarget): Touch[] {
  const TouchCtor = (win as unknown as { Touch?: typeof Touch }).Touch;
  if (!TouchCtor) return [];
  return (recorded.touches ?? []).map((t) => new TouchCtor({ ...t, target }));
}

function rebuild(win: Realm, recorded: RecordedEvent, target: EventTarget): Event | null {
  const init = { ...recorded.init, view: win };
  switch (recorded.kind) {
    case 'pointer':
      return new win.PointerEvent(recorded.type, init);
    case 'mouse':
      return new win.MouseEvent(recorded.type, init);
    case 'keyboard':
      return new win.KeyboardEvent(recorded.type, init);
    case 'touch': {
      const TouchEventCtor = (win as unknown as { TouchEvent?: typeof TouchEvent }).TouchEvent;
      if (!TouchEventCtor) return null;
      const touches = touchList(win, recorded, target);
      const ending = recorded.type === 'touchend' || recorded.type === 'touchcancel';
      return new TouchEventCtor(recorded.type, { ...recorded.init, changedTouches: touches, targetTouches: ending ? [] : touches, touches: ending ? [] : touches });
    }
  }
}

/** Where to dispatch: the original target if it is still on the page, else the control itself. */
function targetOf(recorded: RecordedEvent, control: Element): EventTarget {
  const target = recorded.target as Node;
  return target.isConnected ? target : control;
}

export function replayHeld(held: HeldAction, win: Realm = window): void {
  const { control } = held;

  if (held.activation === 'submit') {
    held.form?.requestSubmit(held.submitter ?? undefined);
    return;
  }

  if (held.activation === 'auxclick') {
    const href = (control.closest('a[href]') as HTMLAnchorElement | null)?.href;
    if (href) win.open(href, '_blank', 'noopener');
    return;
  }

  if (held.activation === 'keyboard') {
    const keydown = held.events.find((e) => e.type === 'keydown');
    const event = keydown ? rebuild(win, keydown, targetOf(keydown, control)) : null;
    const notCancelled = event ? targetOf(keydown!, control).dispatchEvent(event) : true;
    // A key's default action on a real control is a click; on anything else the page's own key handler was the action.
    if (notCancelled && control.matches(NATIVE_ACTIVATION)) clickControl(control, win);
    const keyup = keydown && rebuild(win, { ...keydown, type: 'keyup' }, targetOf(keydown, control));
    if (keyup) targetOf(keydown!, control).dispatchEvent(keyup);
    return;
  }

  // Pointer activation: the whole sequence, ending with the click that carries the default action.
  let touchCancelled = false;
  let clicked = false;
  for (const recorded of held.events) {
    if (touchCancelled && (recorded.kind === 'mouse' || recorded.type === 'click')) continue;
    if (recorded.type === 'click' && needsPageWorld(control)) {
      clickControl(control, win);
      clicked = true;
      continue;
    }
    const target = targetOf(recorded, control);
    const event = rebuild(win, recorded, target);
    if (!event) continue;
    const notCancelled = target.dispatchEvent(event);
    // As in the browser: a cancelled touch means no compatibility mouse events and no click.
    if (recorded.kind === 'touch' && !notCancelled) touchCancelled = true;
    if (recorded.type === 'click') clicked = true;
  }
  if (!clicked && !touchCancelled) clickControl(control, win);
}
