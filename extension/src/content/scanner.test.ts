// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { styleOnlyRendered } from '../../test/guard-fixtures';
import { COMMON_LABELS, LabelMatcher } from './labels';
import { observeControls, SCAN_DEBOUNCE_MS, scanSubtree, type Scan } from './scanner';

const labels = new LabelMatcher(COMMON_LABELS);
const guarded = () => [...document.querySelectorAll('[data-receiptguard="guarded"]')].map((el) => el.id);
const settle = () => new Promise((resolve) => setTimeout(resolve, SCAN_DEBOUNCE_MS + 20));
/** The first scan runs when the browser is first idle after parsing. */
const firstScan = () => new Promise((resolve) => setTimeout(resolve, 20));

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
      <order-actions id="host"></order-actions>`;
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<button>确认收货</button>';
    const scan = scanSubtree(document.body, labels, styleOnlyRendered);
    expect(scan.controls.map((el) => el.id)).toEqual(['a']);
    expect(scan.shadowRoots).toHaveLength(1);
  });

  it('hands script only the texts that may hold a label', () => {
    document.body.innerHTML = '<ul>' + '<li><span>订单</span><a href="#">查看物流</a></li>'.repeat(100) + '<li><a href="#">确认收货</a></li></ul>';
    const scan = scanSubtree(document.body, labels, styleOnlyRendered);
    expect(scan.visited).toBe(1);
    expect(scan.controls).toHaveLength(1);
  });

  it('finds labels whatever their case', () => {
    document.body.innerHTML = '<button id="b">CONFIRM&nbsp;RECEIPT</button>';
    expect(scanSubtree(document.body, labels, styleOnlyRendered).controls.map((el) => el.id)).toEqual(['b']);
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

  it('marks controls present at start, once the page is idle', async () => {
    document.body.innerHTML = '<a id="a" href="#">确认收货</a><a id="b" href="#">查看物流</a>';
    const scanner = observe();
    expect(guarded()).toEqual([]);
    await firstScan();
    expect(guarded()).toEqual(['a']);
    expect(scanner.count()).toBe(1);
  });

  it('marks controls added later in one debounced scan that looks only at the added nodes', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p>' + '<span>确认</span>'.repeat(50) + '</p>';
    const scans: Scan[] = [];
    observe((scan) => scans.push(scan));
    await vi.advanceTimersByTimeAsync(20);
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
    expect(scans[0]!.visited).toBe(3); // the three new texts, not the fifty old ones
  });

  it('marks a control whose text changes into a label, and unmarks one whose text changes away', async () => {
    document.body.innerHTML = '<button id="b">加载中</button><button id="c">确认收货</button>';
    observe();
    await firstScan();
    document.getElementById('b')!.firstChild!.nodeValue = '确认收货';
    document.getElementById('c')!.firstChild!.nodeValue = '已确认收货';
    await settle();
    expect(guarded()).toEqual(['b']);
  });

  it('watches the open shadow roots of components', async () => {
    document.body.innerHTML = '<order-actions id="host"></order-actions>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    observe();
    await firstScan();
    shadow.innerHTML = '<button id="s">确认收货</button>';
    await settle();
    expect(shadow.getElementById('s')!.getAttribute('data-receiptguard')).toBe('guarded');
  });

  it('schedules nothing while the page is idle', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<a href="#">确认收货</a>';
    observe();
    await vi.advanceTimersByTimeAsync(20);
    expect(guarded()).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('switched off: removes its marks and stops; on again: marks again', async () => {
    document.body.innerHTML = '<a id="a" href="#">确认收货</a>';
    const scanner = observe();
    await firstScan();
    scanner.setActive(false);
    expect(guarded()).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', '<button id="b">确认收货</button>');
    await settle();
    expect(guarded()).toEqual([]);
    scanner.setActive(true);
    expect(guarded()).toEqual(['a', 'b']);
  });
});
