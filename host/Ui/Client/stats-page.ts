// "/stats": how many clicks the extension held and how they ended (confirmed, cancelled), in all, per UTC month as a
// chart with a table of the same numbers, and per platform; pages saved by hand are counted apart. The figures are
// fetched again (debounced) when the hub says a snapshot was stored or deleted: one small GROUP BY on the host.
import './stats.css';
import { el } from './format';
import { locale, t } from './i18n';
import { connectLive } from './live';
import { platformName } from './order-format';
import { showError } from './page';
import { getStats, type StatsCounts, type StatsReport } from './stats-api';
import { renderMonthChart, type MonthCounts } from './stats-chart';

const numbers = new Intl.NumberFormat(locale);
const count = (n: number): string => numbers.format(n);

const monthLong = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
const yearOnly = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });

/** "2026-11" in the reader's words; anything else is shown as it came. */
function monthWords(month: string, format: Intl.DateTimeFormat): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, 1);
  return format.format(date);
}

/** One table row: the row's name, then held, confirmed, cancelled, other (hidden unless some exist), manual. */
function countsRow(name: string, counts: StatsCounts, showOther: boolean, attributes: Record<string, string>): HTMLTableRowElement {
  const tr = el('tr', undefined, attributes);
  tr.append(el('th', name, { scope: 'row' }));
  const other = el('td', count(counts.other), { class: 'count' });
  other.hidden = !showOther;
  tr.append(
    el('td', count(counts.held), { class: 'count' }),
    el('td', count(counts.confirmed), { class: 'count decision-confirmed' }),
    el('td', count(counts.cancelled), { class: 'count decision-cancelled' }),
    other,
    el('td', count(counts.manual), { class: 'count decision-none' }),
  );
  return tr;
}

function barWords(m: MonthCounts): string {
  const words = t('statsChartBar', { month: monthWords(m.month, monthLong), confirmed: count(m.confirmed), cancelled: count(m.cancelled) });
  return m.other > 0 ? words + t('statsChartBarOther', { other: count(m.other) }) : words;
}

/** Fills the page from one answer of GET /api/stats. */
export function showStats(report: StatsReport): void {
  const { totals } = report;
  const empty = totals.held + totals.manual === 0;
  document.getElementById('stats-empty')!.hidden = !empty;
  document.getElementById('stats-content')!.hidden = empty;
  if (empty) return;

  const showOther = totals.other > 0;
  for (const [id, value] of [
    ['stats-held', totals.held],
    ['stats-confirmed', totals.confirmed],
    ['stats-cancelled', totals.cancelled],
    ['stats-other', totals.other],
    ['stats-manual', totals.manual],
  ] as const) {
    document.getElementById(id)!.textContent = count(value);
  }
  // "Other" only when a stored decision is neither confirmed nor cancelled (the protocol sends none today).
  for (const element of document.querySelectorAll<HTMLElement>('[data-other]')) element.hidden = !showOther;

  const first = report.byMonth[0]?.month ?? '';
  const last = report.byMonth.at(-1)?.month ?? '';
  const summary =
    t('statsChartSummary', { first: monthWords(first, monthLong), last: monthWords(last, monthLong), confirmed: count(totals.confirmed), cancelled: count(totals.cancelled) }) +
    (showOther ? ' ' + t('statsChartOther', { other: count(totals.other) }) : '');
  const chart = renderMonthChart(report.byMonth, {
    title: t('statsChartTitle'),
    summary,
    month: (month) => monthWords(month, monthShort),
    year: (year) => monthWords(`${year}-01`, yearOnly),
    bar: barWords,
  });
  document.getElementById('stats-chart')!.replaceChildren(chart);

  document
    .querySelector('#stats-months tbody')!
    .replaceChildren(...report.byMonth.map((m) => countsRow(monthWords(m.month, monthLong), m, showOther, { 'data-month': m.month })));
  document
    .querySelector('#stats-platforms tbody')!
    .replaceChildren(...report.byPlatform.map((p) => countsRow(platformName(p.platform), p, showOther, { 'data-platform': p.platform })));
}

export async function startStatsPage(): Promise<void> {
  /** Answers can overtake each other: only the newest request's answer is shown. */
  let latest = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;

  async function load(): Promise<void> {
    const mine = ++latest;
    try {
      const report = await getStats();
      if (mine === latest) showStats(report);
    } catch (error) {
      if (mine === latest) showError(t('loadFailed', { message: (error as Error).message }));
    }
  }

  // A burst of snapshots (an import, a quick series of clicks) is one refresh, not one per snapshot.
  function reloadSoon(): void {
    clearTimeout(pending);
    pending = setTimeout(() => void load(), 400);
  }

  await load();
  await connectLive({ snapshotStored: reloadSoon, snapshotDeleted: reloadSoon });
}
