// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { styleOnlyRendered } from '../../test/guard-fixtures';
import { COMMON_LABELS, LabelMatcher } from './labels';
import { observeControls, SCAN_DEBOUNCE_MS, scanSubtree, type Scan } from './scanner';

const labels = new LabelMatcher(COMMON_LABELS);
const guarded = () => [...document.querySelectorAll('[data-receiptguard="guarded"]')].map((el) => el.id);
const settle = () => new Promise((resolve) => setTimeout(resolve, SCAN_DEBOUNCE_MS + 20));

describe('scanSubtree', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('finds controls, skips hidden, zero-size and inert look-alikes, and reports open shadow roots', () => {
    document.body.innerHTML = `
      <a id="a" href="#">确认收货</a>
      <button id="hidden" style="display:none">确认收货</button>
      <button id="zero" style="width:0;height:0;overflow:hidden;display:inline-block">确认收货</button>
      <template><button>确认收货</button></template>
      <!-- <button>确认收货</button> -->
      <textarea>确认收货</textarea>
      <div id="host"></div>`;
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<button>确认收货</button>';
    const scan = scanSubtree(document.body, labels, styleOnlyRendered);
    expect(scan.controls.map((el) => el.id)).toEqual(['a']);
    expect(scan.shadowRoots).toHaveLength(1);
  });

  it('visits each node once', () => {
    document.body.innerHTML = '<ul>' + '<li><span>订单</span><a href="#">查看</a></li>'.repeat(100) + '</ul>';
    // body + ul + 100 × (li + span + text + a + text)
    expect(scanSubtree(document.body, labels, styleOnlyRendered).visited).toBe(2 + 100 * 5);
  });
});

describe('observeControls', () => {
  let abort = new AbortController();
  afterEach(() => {
    abort.abort();
    abort = new AbortController();
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  const observe = (onScan?: (scan: Scan, marked: number) => void) =>
    observeControls(document, { labels, rendered: styleOnlyRendered, signal: abort.signal, onScan });

  it('marks controls present at start', () => {
    document.body.innerHTML = '<a id="a" href="#">确认收货</a><a id="b" href="#">查看物流</a>';
    const scanner = observe();
    expect(guarded()).toEqual(['a']);
    expect(scanner.count()).toBe(1);
  });

  it('marks controls added later in one debounced scan that visits only the added nodes', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>' + '<span>x</span>'.repeat(50) + '</p>';
    const scans: Scan[] = [];
    observe((scan) => scans.push(scan));
    scans.length = 0;
    for (let i = 0; i < 3; i++) {
      const row = document.createElement('div');
      row.innerHTML = `<button id="late${i}">确认收货</button>`;
      document.body.append(row);
    }
    await Promise.resolve();
    expect(guarded()).toEqual([]);
    await vi.advanceTimersByTimeAsync(SCAN_DEBOUNCE_MS);
    expect(guarded()).toEqual(['late0', 'late1', 'late2']);
    expect(scans).toHaveLength(1);
    expect(scans[0]!.visited).toBe(3 * 3); // div + button + text each
  });

  it('marks a control whose text changes into a label, and unmarks one whose text changes away', async () => {
    document.body.innerHTML = '<button id="b">加载中</button><button id="c">确认收货</button>';
    observe();
    document.getElementById('b')!.firstChild!.nodeValue = '确认收货';
    document.getElementById('c')!.firstChild!.nodeValue = '已确认收货';
    await settle();
    expect(guarded()).toEqual(['b']);
  });

  it('watches open shadow roots', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    observe();
    shadow.innerHTML = '<button id="s">确认收货</button>';
    await settle();
    expect(shadow.getElementById('s')!.getAttribute('data-receiptguard')).toBe('guarded');
  });

  it('schedules nothing while the page is idle', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<a href="#">确认收货</a>';
    observe();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('switched off: removes its marks and stops; on again: marks again', async () => {
    document.body.innerHTML = '<a id="a" href="#">确认收货</a>';
    const scanner = observe();
    scanner.setActive(false);
    expect(guarded()).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<button id="b">确认收货</button>');
    await settle();
    expect(guarded()).toEqual([]);
    scanner.setActive(true);
    expect(guarded()).toEqual(['a', 'b']);
  });
});
