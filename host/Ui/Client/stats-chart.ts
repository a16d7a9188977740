// The stats page's chart: held clicks per month as stacked bars (confirmed at the bottom, cancelled on top, any other
// decision above), drawn as inline SVG with DOM calls. No library, and every piece of data goes in as text content or a
// number attribute, never as markup. Pure: it reads nothing but its arguments, so it is tested without a host.

const SVG = 'http://www.w3.org/2000/svg';

/** One month as GET /api/stats answers it ("2026-11"; counts of held clicks by outcome). */
export interface MonthCounts {
  month: string;
  confirmed: number;
  cancelled: number;
  other: number;
}

/** The words around the chart, in the reader's language; the chart itself knows no language. */
export interface ChartText {
  /** The chart's name (its <title> and the start of its accessible name). */
  title: string;
  /** A one-sentence summary added to the accessible name, e.g. the totals shown. */
  summary: string;
  /** The month under its bar, without the year: "Nov" or "11月" for "2026-11". */
  month: (month: string) => string;
  /** The year under the first labelled month of each year: "2026" or "2026年". */
  year: (year: string) => string;
  /** A bar's tooltip: its month and numbers in words. */
  bar: (counts: MonthCounts) => string;
}

/** Drawing sizes in SVG user units; the element scales down to its container. */
export const chartSize = {
  plotHeight: 160,
  top: 18,
  bottom: 40,
  left: 36,
  right: 8,
  slot: 52,
  barWidth: 30,
} as const;

/** Gap filling stops here: a wild capture clock (year 1 or 9999) must not draw a hundred thousand empty months. */
export const maxFilledMonths = 120;

/** At most this many month labels under the axis; the rest are in each bar's tooltip and the table. */
export const maxMonthLabels = 12;

const held = (m: MonthCounts): number => m.confirmed + m.cancelled + m.other;

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

function monthIndex(month: string): number {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return year * 12 + number - 1;
}

/**
 * The months from the first to the last, with zero months where nothing was held, so the bars sit on a true time axis.
 * Input is oldest first, as the API sends it. Left as it is when the span is longer than {@link maxFilledMonths}.
 */
export function fillMonths(months: readonly MonthCounts[]): MonthCounts[] {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  if (monthIndex(last.month) - monthIndex(first.month) >= maxFilledMonths) return [...months];
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const filled: MonthCounts[] = [];
  for (let month = first.month; monthIndex(month) <= monthIndex(last.month); month = nextMonth(month)) {
    filled.push(byMonth.get(month) ?? { month, confirmed: 0, cancelled: 0, other: 0 });
  }
  return filled;
}

/** Whole-number ticks from 0 to the top of the axis: a step of 1, 2 or 5 × 10ⁿ, about four steps, top ≥ the tallest bar. */
export function axisTicks(maxValue: number): number[] {
  const rough = Math.max(1, maxValue / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
  const top = Math.max(step, Math.ceil(maxValue / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return ticks;
}

function svg<K extends keyof SVGElementTagNameMap>(doc: Document, tag: K, attributes: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const element = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * The chart for these months (oldest first; gaps are filled here). role="img" with the title and summary as its name;
 * the page puts a table with the same numbers beside it for anyone who cannot see the bars.
 */
export function renderMonthChart(months: readonly MonthCounts[], text: ChartText, doc: Document = document): SVGSVGElement {
  const rows = fillMonths(months);
  const { plotHeight, top, bottom, left, right, slot, barWidth } = chartSize;
  const ticks = axisTicks(Math.max(0, ...rows.map(held)));
  const axisTop = ticks.at(-1) ?? 1;
  // Two decimals keep the markup readable; nobody sees a hundredth of a unit.
  const scale = (value: number): number => Math.round((value / axisTop) * plotHeight * 100) / 100;
  const baseline = top + plotHeight;
  const width = left + rows.length * slot + right;
  const height = top + plotHeight + bottom;

  const chart = svg(doc, 'svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'stats-chart' });
  chart.setAttribute('aria-label', `${text.title}. ${text.summary}`);
  chart.append(svg(doc, 'title', {}, text.title));

  const axis = svg(doc, 'g', { class: 'chart-axis' });
  for (const tick of ticks) {
    const y = baseline - scale(tick);
    axis.append(
      svg(doc, 'line', { x1: left, x2: width - right, y1: y, y2: y, class: tick === 0 ? 'chart-baseline' : 'chart-grid' }),
      svg(doc, 'text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-tick' }, String(tick)),
    );
  }
  chart.append(axis);

  const labelEvery = Math.ceil(rows.length / maxMonthLabels);
  let labelledYear = '';
  rows.forEach((row, index) => {
    const x = left + index * slot + (slot - barWidth) / 2;
    const bar = svg(doc, 'g', { class: 'chart-bar', 'data-month': row.month });
    bar.append(svg(doc, 'title', {}, text.bar(row)));
    let y = baseline;
    // Bottom to top; a zero segment draws nothing rather than a zero-height rect.
    for (const [kind, value] of [['confirmed', row.confirmed], ['cancelled', row.cancelled], ['other', row.other]] as const) {
      if (value <= 0) continue;
      const h = scale(value);
      y = Math.round((y - h) * 100) / 100;
      bar.append(svg(doc, 'rect', { x, y, width: barWidth, height: h, class: `bar-${kind}`, 'data-value': value }));
    }
    if (held(row) > 0) {
      bar.append(svg(doc, 'text', { x: x + barWidth / 2, y: y - 4, 'text-anchor': 'middle', class: 'chart-value' }, String(held(row))));
    }
    if (index % labelEvery === 0) {
      const center = x + barWidth / 2;
      bar.append(svg(doc, 'text', { x: center, y: baseline + 16, 'text-anchor': 'middle', class: 'chart-month' }, text.month(row.month)));
      // The year on a second line, only where it changes: "Nov 2026" side by side does not fit a bar's width in Chinese.
      const year = row.month.slice(0, 4);
      if (year !== labelledYear) {
        bar.append(svg(doc, 'text', { x: center, y: baseline + 30, 'text-anchor': 'middle', class: 'chart-year' }, text.year(year)));
        labelledYear = year;
      }
    }
    chart.append(bar);
  });
  return chart;
}
