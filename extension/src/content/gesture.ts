// A user's activation of a control, recorded event by event while it is held, so that after Confirm the page can be
// given the same sequence (pointer, mouse, touch, keyboard) as if nothing had stood in between.

export type EventKind = 'pointer' | 'mouse' | 'touch' | 'keyboard';

export interface RecordedEvent {
  type: string;
  kind: EventKind;
  /** The event's time stamp (ms on the performance timeline). */
  at: number;
  /** The innermost target the user hit (an icon inside the control, say). */
  target: EventTarget;
  init: Record<string, unknown>;
  /** Touch points as client coordinates; rebuilt into Touch objects on replay. */
  touches?: { identifier: number; clientX: number; clientY: number; screenX: number; screenY: number }[];
}

function kindOf(event: Event): EventKind | null {
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) return 'touch';
  if (typeof PointerEvent !== 'undefined' && event instanceof PointerEvent) return 'pointer';
  if (event instanceof MouseEvent) return 'mouse';
  if (event instanceof KeyboardEvent) return 'keyboard';
  return null;
}

const modifiers = (e: MouseEvent | KeyboardEvent | TouchEvent) => ({
  ctrlKey: e.ctrlKey,
  shiftKey: e.shiftKey,
  altKey: e.altKey,
  metaKey: e.metaKey,
});

export function recordEvent(event: Event): RecordedEvent | null {
  const kind = kindOf(event);
  if (!kind) return null;
  const base = { bubbles: event.bubbles, cancelable: event.cancelable, composed: event.composed };
  const target = event.composedPath()[0] ?? event.target!;
  if (kind === 'keyboard') {
    const e = event as KeyboardEvent;
    return { type: e.type, kind, at: e.timeStamp, target, init: { ...base, ...modifiers(e), key: e.key, code: e.code, location: e.location, repeat: e.repeat } };
  }
  if (kind === 'touch') {
    const e = event as TouchEvent;
    const touches = [...e.changedTouches].map((t) => ({ identifier: t.identifier, clientX: t.clientX, clientY: t.clientY, screenX: t.screenX, screenY: t.screenY }));
    return { type: e.type, kind, at: e.timeStamp, target, init: { ...base, ...modifiers(e) }, touches };
  }
  const e = event as MouseEvent;
  const init: Record<string, unknown> = {
    ...base,
    ...modifiers(e),
    clientX: e.clientX,
    clientY: e.clientY,
    screenX: e.screenX,
    screenY: e.screenY,
    button: e.button,
    buttons: e.buttons,
    detail: e.detail,
  };
  if (kind === 'pointer') {
    const p = event as PointerEvent;
    Object.assign(init, { pointerId: p.pointerId, pointerType: p.pointerType, isPrimary: p.isPrimary, width: p.width, height: p.height, pressure: p.pressure });
  }
  return { type: e.type, kind, at: e.timeStamp, target, init };
}

/** The gesture of one activation: begins with a press (pointerdown, touchstart, mousedown, keydown). */
export class Gesture {
  private events: RecordedEvent[] = [];
  private lastAt = 0;

  constructor(private readonly maxGapMs = 1500) {}

  add(event: Event, now = performance.now()): void {
    const starts = event.type === 'pointerdown' || event.type === 'keydown' || (event.type === 'touchstart' && !this.has('pointerdown'));
    if (starts || now - this.lastAt > this.maxGapMs) this.events = [];
    const recorded = recordEvent(event);
    if (recorded) this.events.push(recorded);
    this.lastAt = now;
  }

  has(type: string): boolean {
    return this.events.some((e) => e.type === type);
  }

  /** The recorded events, and a fresh start for the next gesture. */
  take(): RecordedEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }
}
