// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installClickGuard, replayActivation } from './guard';

function trustedClick(target: Element): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  // happy-dom cannot make trusted events; the guard must still see this one as user-made.
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

describe('installClickGuard', () => {
  const controller = new AbortController();
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function setup(markup: string) {
    document.body.innerHTML = markup;
    const onHold = vi.fn();
    const pageHandler = vi.fn();
    document.addEventListener('click', pageHandler);
    const abort = new AbortController();
    installClickGuard(window, { onHold, isOwnUi: () => false, signal: abort.signal });
    return { onHold, pageHandler, abort };
  }

  it('holds a trusted click on 确认收货: the page never sees it and the control is marked', () => {
    const { onHold, pageHandler, abort } = setup('<a id="c" href="#done">确认收货</a>');
    const control = document.getElementById('c')!;
    const event = trustedClick(control);
    expect(onHold).toHaveBeenCalledWith(control);
    expect(pageHandler).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(true);
    expect(control.dataset.receiptguard).toBe('guarded');
    abort.abort();
  });

  it('lets untrusted clicks (the replay, page scripts) through', () => {
    const { onHold, pageHandler, abort } = setup('<button id="c">确认收货</button>');
    replayActivation(document.getElementById('c')!);
    expect(onHold).not.toHaveBeenCalled();
    expect(pageHandler).toHaveBeenCalledOnce();
    abort.abort();
  });

  it('ignores clicks on other controls', () => {
    const { onHold, pageHandler, abort } = setup('<a id="l" href="#">查看物流</a>');
    trustedClick(document.getElementById('l')!);
    expect(onHold).not.toHaveBeenCalled();
    expect(pageHandler).toHaveBeenCalledOnce();
    abort.abort();
  });

  it('stops listening when aborted', () => {
    const { onHold, abort } = setup('<button id="c">确认收货</button>');
    abort.abort();
    trustedClick(document.getElementById('c')!);
    expect(onHold).not.toHaveBeenCalled();
  });

  controller.abort();
});
