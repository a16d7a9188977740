// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeControls, SCAN_DEBOUNCE_MS } from './scanner';

const guarded = () => [...document.querySelectorAll('[data-receiptguard="guarded"]')].map((el) => el.id);

describe('observeControls', () => {
  let abort = new AbortController();
  afterEach(() => {
    abort.abort();
    abort = new AbortController();
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('marks controls present at start', () => {
    document.body.innerHTML = '<a id="a" href="#">确认收货</a><a id="b" href="#">查看物流</a>';
    observeControls(document, { signal: abort.signal });
    expect(guarded()).toEqual(['a']);
  });

  it('marks controls added later, in one debounced scan of the added nodes only', async () => {
    vi.useFakeTimers();
    const scans: number[] = [];
    observeControls(document, { signal: abort.signal, onScan: (n) => scans.push(n) });
    scans.length = 0;
    for (let i = 0; i < 3; i++) {
      const row = document.createElement('div');
      row.innerHTML = `<button id="late${i}">确认收货</button>`;
      document.body.append(row);
    }
    await vi.waitFor(() => Promise.resolve()); // let MutationObserver callbacks run
    expect(guarded()).toEqual([]);
    await vi.advanceTimersByTimeAsync(SCAN_DEBOUNCE_MS);
    expect(guarded()).toEqual(['late0', 'late1', 'late2']);
    expect(scans).toEqual([3]);
  });

  it('marks a control whose text changes into 确认收货', async () => {
    document.body.innerHTML = '<button id="b">加载中</button>';
    observeControls(document, { signal: abort.signal });
    document.getElementById('b')!.firstChild!.nodeValue = '确认收货';
    await new Promise((resolve) => setTimeout(resolve, SCAN_DEBOUNCE_MS + 20));
    expect(guarded()).toEqual(['b']);
  });

  it('does nothing after abort', async () => {
    observeControls(document, { signal: abort.signal });
    abort.abort();
    document.body.innerHTML = '<button id="x">确认收货</button>';
    await new Promise((resolve) => setTimeout(resolve, SCAN_DEBOUNCE_MS + 20));
    expect(guarded()).toEqual([]);
  });
});
