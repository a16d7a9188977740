// The evidence beside the captured page on "/snapshots/{id}": the screenshot (or why there is none), the capture
// context and the serializer's report. Everything comes from the stored snapshot and is shown as text only.
import { snapshotScreenshotUrl, type CaptureContext, type SnapshotSummary } from './api';
import { el, formatBytes } from './format';
import { locale, t, type MessageKey } from './i18n';

/** The extension's checklist item ids (extension/src/content/dialog-content.ts); others are shown by id. */
const CHECKLIST_LABELS: Record<string, MessageKey> = {
  received: 'checkReceived',
  inspected: 'checkInspected',
  logistics: 'checkLogistics',
  'nobody-asked': 'checkNobodyAsked',
};

const numberFormat = new Intl.NumberFormat(locale);

/** The host checks only the known members' types: anything deeper is read defensively. */
const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** 480 → "UTC+08:00"; -330 → "UTC−05:30". */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const whole = Math.abs(Math.round(minutes));
  return `UTC${sign}${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

function fill(list: HTMLElement, entries: [MessageKey, string | HTMLElement][]): void {
  list.replaceChildren();
  for (const [label, value] of entries) {
    const dd = el('dd');
    dd.append(value);
    list.append(el('dt', t(label)), dd);
  }
}

export function renderScreenshot(snapshot: SnapshotSummary, box: HTMLElement): void {
  if (snapshot.hasScreenshot) {
    const url = snapshotScreenshotUrl(snapshot.id);
    const figure = el('figure');
    const link = el('a', undefined, { href: url, target: '_blank', rel: 'noopener' });
    link.append(el('img', undefined, { src: url, alt: t('screenshotAlt', { title: snapshot.title || t('untitled') }), loading: 'lazy' }));
    figure.append(link, el('figcaption', t('screenshotHash', { hash: snapshot.screenshotSha256 ?? '' })));
    box.replaceChildren(figure);
    return;
  }
  box.replaceChildren(
    el('p', snapshot.screenshotError ? t('screenshotMissing', { reason: snapshot.screenshotError }) : t('screenshotNone'), { class: 'hint' }),
  );
}

function checklistView(checklist: Record<string, boolean> | null): HTMLElement {
  const entries = Object.entries(checklist ?? {});
  if (entries.length === 0) return el('span', t('ctxChecklistNone'));
  const list = el('ul', undefined, { class: 'checklist' });
  for (const [id, ticked] of entries) {
    const label = CHECKLIST_LABELS[id];
    const item = el('li', undefined, { class: ticked ? 'check-yes' : 'check-no' });
    // The mark is for the eye; screen readers get the word.
    item.append(el('span', ticked ? '✓' : '✗', { class: 'mark', 'aria-hidden': 'true' }), el('span', `${t(ticked ? 'checkYes' : 'checkNo')}: `, { class: 'visually-hidden' }), label ? t(label) : id);
    list.append(item);
  }
  return list;
}

export function renderContext(context: CaptureContext | null, list: HTMLElement, none: HTMLElement): void {
  none.hidden = context !== null;
  if (!context) {
    list.replaceChildren();
    return;
  }
  const entries: [MessageKey, string | HTMLElement][] = [];
  const offset = asNumber(context.utcOffsetMinutes);
  const zone = [asText(context.timeZone), offset === null ? null : formatUtcOffset(offset)].filter((part) => part !== null);
  if (zone.length > 0) entries.push(['ctxTimeZone', zone.length === 2 ? `${zone[0]} (${zone[1]})` : zone[0]!]);
  const userAgent = asText(context.userAgent);
  if (userAgent !== null) entries.push(['ctxUserAgent', el('code', userAgent)]);
  const version = asText(context.extensionVersion);
  if (version !== null) entries.push(['ctxExtension', version]);
  const language = asText(context.language);
  if (language !== null) entries.push(['ctxLanguage', language]);
  const viewport = context.viewport;
  if (viewport) {
    const [width, height, ratio] = [viewport.width, viewport.height, viewport.devicePixelRatio].map((value) => {
      const n = asNumber(value);
      return n === null ? '?' : String(n);
    });
    entries.push(['ctxViewport', t('ctxViewportValue', { width: width!, height: height!, ratio: ratio! })]);
  }
  if ('checklist' in context) entries.push(['ctxChecklist', checklistView(context.checklist ?? null)]);
  fill(list, entries);
}

export function renderSerializer(context: CaptureContext | null, list: HTMLElement, section: HTMLElement): void {
  const report = context?.serializer;
  section.hidden = !report;
  if (!report) return;
  const entries: [MessageKey, string | HTMLElement][] = [];
  const duration = asNumber(report.durationMs);
  if (duration !== null) entries.push(['serTime', t('serTimeValue', { ms: numberFormat.format(Math.round(duration)) })]);
  const length = asNumber(report.htmlLength);
  if (length !== null) entries.push(['serHtml', t('serHtmlValue', { length: numberFormat.format(length) })]);
  const count = asNumber(report.inlinedResources);
  const bytes = asNumber(report.inlinedBytes);
  if (count !== null) entries.push(['serInlined', t('serInlinedValue', { count: numberFormat.format(count), bytes: formatBytes(bytes ?? 0) })]);
  if (Array.isArray(report.skipped)) {
    const skipped = report.skipped as unknown[];
    if (skipped.length === 0) {
      entries.push(['serSkipped', t('serSkippedNone')]);
    } else {
      const items = el('ul', undefined, { class: 'skipped' });
      for (const entry of skipped) {
        const { url, reason } = (typeof entry === 'object' && entry !== null ? entry : {}) as { url?: unknown; reason?: unknown };
        const item = el('li');
        item.append(el('code', asText(url) ?? '?'), ` — ${asText(reason) ?? ''}`);
        items.append(item);
      }
      entries.push(['serSkipped', items]);
    }
  }
  fill(list, entries);
}
