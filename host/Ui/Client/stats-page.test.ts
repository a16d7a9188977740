// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { StatsCounts, StatsReport } from './stats-api';
import { showStats } from './stats-page';

// The parts of host/wwwroot/stats.html that showStats fills (StatsUiTests checks the real page has these ids).
const skeleton = `
  <p id="stats-empty" hidden></p>
  <div id="stats-content" hidden>
    <dd id="stats-held"></dd><dd id="stats-confirmed"></dd><dd id="stats-cancelled"></dd>
    <div data-other hidden><dd id="stats-other"></dd></div><dd id="stats-manual"></dd>
    <div id="stats-chart"></div>
    <table id="stats-months"><thead><tr><th data-other hidden></th></tr></thead><tbody></tbody></table>
    <table id="stats-platforms"><tbody></tbody></table>
  </div>`;

const counts = (held: number, confirmed: number, cancelled: number, other: number, manual: number): StatsCounts => ({ held, confirmed, cancelled, other, manual });

const report = (change: Partial<StatsReport> = {}): StatsReport => ({
  from: null,
  to: null,
  totals: counts(5, 2, 3, 0, 1),
  byMonth: [
    { month: '2026-10', ...counts(1, 1, 0, 0, 0) },
    { month: '2026-12', ...counts(4, 1, 3, 0, 1) },
  ],
  byPlatform: [
    { platform: 'taobao', ...counts(4, 1, 3, 0, 0) },
    { platform: 'some-new-shop', ...counts(1, 1, 0, 0, 1) },
  ],
  ...change,
});

const cells = (row: Element): string[] => [...row.children].filter((c) => !(c as HTMLElement).hidden).map((c) => c.textContent ?? '');

describe('showStats', () => {
  beforeEach(() => {
    document.body.innerHTML = skeleton;
  });

  it('shows the totals, a chart over the months with the gap filled, and both tables with the same numbers', () => {
    showStats(report());

    expect(document.getElementById('stats-empty')!.hidden).toBe(true);
    expect(document.getElementById('stats-content')!.hidden).toBe(false);
    expect(['held', 'confirmed', 'cancelled', 'manual'].map((id) => document.getElementById(`stats-${id}`)!.textContent)).toEqual(['5', '2', '3', '1']);
    const chart = document.querySelector('#stats-chart > svg')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toContain('2 confirmed, 3 cancelled');
    expect(chart.querySelectorAll('g.chart-bar')).toHaveLength(3);

    const months = [...document.querySelectorAll('#stats-months tbody tr')];
    expect(months.map((r) => r.getAttribute('data-month'))).toEqual(['2026-10', '2026-12']);
    expect(cells(months[1]!).slice(1)).toEqual(['4', '1', '3', '1']);
    expect(months[1]!.querySelector('th')?.getAttribute('scope')).toBe('row');
    const platforms = [...document.querySelectorAll('#stats-platforms tbody tr')];
    // A known platform by its name, an unknown one by its id, as text.
    expect(platforms.map((r) => r.querySelector('th')?.textContent)).toEqual(['Taobao', 'some-new-shop']);
    expect(cells(platforms[0]!).slice(1)).toEqual(['4', '1', '3', '0']);
    expect(document.querySelector<HTMLElement>('[data-other]')!.hidden).toBe(true);
  });

  it('shows the other-decision column only when some held click has one', () => {
    showStats(report({ totals: counts(6, 2, 3, 1, 1), byPlatform: [{ platform: 'jd', ...counts(6, 2, 3, 1, 1) }] }));

    expect(document.querySelector<HTMLElement>('[data-other]')!.hidden).toBe(false);
    expect(document.getElementById('stats-other')!.textContent).toBe('1');
    expect(cells(document.querySelector('#stats-platforms tbody tr')!).slice(1)).toEqual(['6', '2', '3', '1', '1']);
  });

  it('says there is nothing yet when nothing was held or saved, and shows the figures again once there is', () => {
    showStats(report({ totals: counts(0, 0, 0, 0, 0), byMonth: [], byPlatform: [] }));
    expect(document.getElementById('stats-empty')!.hidden).toBe(false);
    expect(document.getElementById('stats-content')!.hidden).toBe(true);

    showStats(report());
    expect(document.getElementById('stats-empty')!.hidden).toBe(true);
    expect(document.getElementById('stats-content')!.hidden).toBe(false);
  });
});
