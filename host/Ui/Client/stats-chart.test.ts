// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { axisTicks, chartSize, fillMonths, maxFilledMonths, renderMonthChart, type ChartText, type MonthCounts } from './stats-chart';

const month = (m: string, confirmed: number, cancelled: number, other = 0): MonthCounts => ({ month: m, confirmed, cancelled, other });

const text: ChartText = {
  title: 'Held clicks by month',
  summary: '3 confirmed, 5 cancelled.',
  month: (m) => `M${m.slice(5)}`,
  year: (y) => `Y${y}`,
  bar: (c) => `${c.month}: ${c.confirmed} confirmed, ${c.cancelled} cancelled`,
};

const bars = (chart: SVGSVGElement): SVGGElement[] => [...chart.querySelectorAll<SVGGElement>('g.chart-bar')];
const rect = (bar: SVGGElement, kind: string): SVGRectElement | null => bar.querySelector(`rect.bar-${kind}`);
const num = (element: Element | null | undefined, name: string): number => Number(element?.getAttribute(name));

describe('axisTicks', () => {
  it('counts in whole steps of 1, 2 or 5 up to a top at least as high as the tallest bar', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(100)).toEqual([0, 50, 100]);
    expect(axisTicks(130)).toEqual([0, 50, 100, 150]);
  });
});

describe('fillMonths', () => {
  it('puts empty months between the first and the last, across a year end', () => {
    const filled = fillMonths([month('2026-11', 1, 0), month('2027-02', 0, 2)]);
    expect(filled.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(filled[1]).toEqual(month('2026-12', 0, 0));
    expect(filled[3]).toEqual(month('2027-02', 0, 2));
  });

  it('leaves a span longer than the limit as it is and nothing as nothing', () => {
    const wild = [month('0001-01', 1, 0), month('2026-11', 1, 0)];
    expect(fillMonths(wild)).toEqual(wild);
    expect(fillMonths([month('2016-01', 1, 0), month('2026-01', 1, 0)])).toHaveLength(2);
    expect(fillMonths([month('2016-02', 1, 0), month('2026-01', 1, 0)])).toHaveLength(maxFilledMonths);
    expect(fillMonths([])).toEqual([]);
  });
});

describe('renderMonthChart', () => {
  it('stacks confirmed under cancelled with heights in proportion to an axis from 0 to 8', () => {
    // Tallest bar 7 → ticks 0, 2, 4, 6, 8: an axis top of 8 over 160 units is 20 units a click.
    const chart = renderMonthChart([month('2026-10', 1, 1), month('2026-11', 3, 4)], text);
    const [october, november] = bars(chart);
    const baseline = chartSize.top + chartSize.plotHeight;

    expect(bars(chart)).toHaveLength(2);
    expect(num(rect(october!, 'confirmed'), 'height')).toBe(20);
    expect(num(rect(october!, 'cancelled'), 'height')).toBe(20);
    expect(num(rect(november!, 'confirmed'), 'height')).toBe(60);
    expect(num(rect(november!, 'cancelled'), 'height')).toBe(80);
    // Confirmed sits on the baseline, cancelled right on top of it.
    expect(num(rect(november!, 'confirmed'), 'y')).toBe(baseline - 60);
    expect(num(rect(november!, 'cancelled'), 'y')).toBe(baseline - 140);
    expect(rect(november!, 'other')).toBeNull();
    expect(november!.querySelector('.chart-value')?.textContent).toBe('7');
    expect([...chart.querySelectorAll('.chart-tick')].map((t) => t.textContent)).toEqual(['0', '2', '4', '6', '8']);
  });

  it('labels each bar with its month, a tooltip with its numbers, and the chart with its title and summary', () => {
    const chart = renderMonthChart([month('2026-10', 1, 2), month('2026-12', 0, 0)], text);

    expect(chart.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe('Held clicks by month. 3 confirmed, 5 cancelled.');
    expect(chart.querySelector(':scope > title')?.textContent).toBe('Held clicks by month');
    expect(bars(chart).map((b) => b.dataset.month ?? b.getAttribute('data-month'))).toEqual(['2026-10', '2026-11', '2026-12']);
    expect([...chart.querySelectorAll('.chart-month')].map((t) => t.textContent)).toEqual(['M10', 'M11', 'M12']);
    // The year once, under the first month.
    expect([...chart.querySelectorAll('.chart-year')].map((t) => t.textContent)).toEqual(['Y2026']);
    expect(bars(chart)[0]!.querySelector('title')?.textContent).toBe('2026-10: 1 confirmed, 2 cancelled');
    // A month with nothing held draws no rect and no number.
    expect(bars(chart)[1]!.querySelectorAll('rect')).toHaveLength(0);
    expect(bars(chart)[1]!.querySelector('.chart-value')).toBeNull();
    expect(num(chart, 'width')).toBe(chartSize.left + 3 * chartSize.slot + chartSize.right);
  });

  it('draws another decision on top and counts it in the bar total', () => {
    const chart = renderMonthChart([month('2026-11', 1, 1, 2)], text);
    const [bar] = bars(chart);

    // Tallest 4 → axis 0..4: 40 units a click.
    expect(num(rect(bar!, 'other'), 'height')).toBe(80);
    expect(num(rect(bar!, 'other'), 'y')).toBe(chartSize.top);
    expect(bar!.querySelector('.chart-value')?.textContent).toBe('4');
  });

  it('labels at most twelve months under the axis on a long span', () => {
    const months = Array.from({ length: 30 }, (_, i) => month(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 1, 0));
    const chart = renderMonthChart(months, text);

    expect(bars(chart)).toHaveLength(30);
    const labels = [...chart.querySelectorAll('.chart-month')].map((t) => t.textContent);
    expect(labels.length).toBeLessThanOrEqual(12);
    expect(labels.slice(0, 5)).toEqual(['M01', 'M04', 'M07', 'M10', 'M01']);
    // Each year under its first labelled month: Jan 2024, Jan 2025, Jan 2026.
    const years = [...chart.querySelectorAll('.chart-year')].map((t) => [t.closest('g')?.getAttribute('data-month'), t.textContent]);
    expect(years).toEqual([['2024-01', 'Y2024'], ['2025-01', 'Y2025'], ['2026-01', 'Y2026']]);
  });

  it('keeps month words and tooltips as text', () => {
    const hostile: ChartText = { ...text, month: () => '<img src=x onerror=alert(1)>', bar: () => '<script>alert(1)</script>' };
    const chart = renderMonthChart([month('2026-11', 1, 0)], hostile);

    expect(chart.querySelector('img, script')).toBeNull();
    expect(chart.querySelector('.chart-month')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
