// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GRACE_MS, installGuard, type Guard } from './guard';
import { COMMON_LABELS, LabelMatcher } from './labels';
import type { HeldAction } from './replay';

const labels = new LabelMatcher(COMMON_LABELS);

/** happy-dom cannot make trusted events; the guard must see these as user-made. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const mouse = (type: string) => trusted(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, clientX: 5, clientY: 7 }));
const key = (type: string, k: string) => trusted(new KeyboardEvent(type, { key: k, bubbles: true, cancelable: true, composed: true }));

describe('installGuard', () => {
  let abort: AbortController;
  let held: HeldAction[];
  let seen: string[];
  let active: boolean;
  let guard: Guard;

  beforeEach(() => {
    abort = new AbortController();
    held = [];
    seen = [];
    active = true;
    document.body.innerHTML = `
      <a id="link" href="#done"><i id="icon"></i>确认收货</a>
      <button id="btn">确认收货</button>
      <a id="other" href="#x">查看物流</a>
      <form id="form" action="#submitted"><input name="order" value="42"><input id="submit" type="submit" value="确认收货"></form>`;
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'keydown', 'keyup', 'submit']) {
      document.addEventListener(type, (e) => seen.push(`${type}${e.isTrusted ? '' : '(replay)'}`), { signal: abort.signal });
    }
    guard = installGuard(window, {
      labels,
      isActive: () => active,
      isOwnUi: (target) => (target as Element).id === 'own-ui',
      onHold: (action) => held.push(action),
      signal: abort.signal,
    });
  });

  afterEach(() => abort.abort());

  const el = (id: string) => document.getElementById(id)!;

  it('holds a user click on 确认收货: the page never sees it', () => {
    const click = mouse('click');
    el('icon').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(seen).toEqual([]);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ control: el('link'), activation: 'pointer' });
    expect(guard.held).toBe(el('link'));
  });

  it('keeps the presses before the click from the page and replays the whole gesture after Confirm', () => {
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) el('btn').dispatchEvent(mouse(type));
    expect(seen).toEqual([]);
    guard.release(held[0]!, true);
    expect(seen).toEqual(['pointerdown(replay)', 'mousedown(replay)', 'pointerup(replay)', 'mouseup(replay)', 'click(replay)']);
    expect(guard.held).toBeNull();
  });

  it('replays nothing after Cancel', () => {
    el('btn').dispatchEvent(mouse('click'));
    guard.release(held[0]!, false);
    expect(seen).toEqual([]);
  });

  it('lets untrusted events (page scripts, replays) and other controls through', () => {
    el('btn').click();
    el('other').dispatchEvent(mouse('click'));
    expect(held).toHaveLength(0);
    expect(seen).toEqual(['click(replay)', 'click']);
  });

  it('does nothing while inactive (paused or switched off)', () => {
    active = false;
    el('btn').dispatchEvent(mouse('click'));
    expect(held).toHaveLength(0);
    expect(seen).toEqual(['click']);
  });

  it('holds Enter on a focused control and replays it as the key and its click', () => {
    const keydown = key('keydown', 'Enter');
    el('btn').dispatchEvent(keydown);
    expect(keydown.defaultPrevented).toBe(true);
    expect(held[0]).toMatchObject({ control: el('btn'), activation: 'keyboard' });
    guard.release(held[0]!, true);
    expect(seen).toEqual(['keydown(replay)', 'click(replay)', 'keyup(replay)']);
  });

  it('holds Space on a button but not on a link (where Space scrolls)', () => {
    el('link').dispatchEvent(key('keydown', ' '));
    expect(held).toHaveLength(0);
    el('btn').dispatchEvent(key('keydown', ' '));
    expect(held).toHaveLength(1);
  });

  it('ignores keys other than Enter and Space', () => {
    el('btn').dispatchEvent(key('keydown', 'a'));
    expect(held).toHaveLength(0);
  });

  it('while the dialog is open, further presses on the control are held without a second dialog', () => {
    el('btn').dispatchEvent(mouse('click'));
    el('btn').dispatchEvent(mouse('click'));
    expect(held).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it('lets the same control through once confirmed, for a while', () => {
    vi.useFakeTimers();
    el('btn').dispatchEvent(mouse('click'));
    guard.release(held[0]!, true);
    seen.length = 0;
    el('btn').dispatchEvent(mouse('click'));
    expect(held).toHaveLength(1);
    expect(seen).toEqual(['click']);
    vi.advanceTimersByTime(GRACE_MS + 1);
    el('btn').dispatchEvent(mouse('click'));
    expect(held).toHaveLength(2);
    vi.useRealTimers();
  });

  it('holds a trusted submission through a confirm-receipt submitter and submits it with its values after Confirm', () => {
    const form = el('form') as HTMLFormElement;
    const submit = trusted(new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: el('submit') }));
    form.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(held[0]).toMatchObject({ control: el('submit'), activation: 'submit', form });
    const requestSubmit = vi.spyOn(form, 'requestSubmit').mockImplementation(() => {});
    guard.release(held[0]!, true);
    expect(requestSubmit).toHaveBeenCalledWith(el('submit'));
  });

  it('never holds events from its own dialog', () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="own-ui"><button id="in-dialog">确认收货</button></div>');
    el('in-dialog').dispatchEvent(mouse('click'));
    expect(held).toHaveLength(0);
  });
});
