// The order page's timeline: one entry per snapshot, oldest first, with its decision, what the page said about the
// status (and a marker where that changed), a screenshot thumbnail and the evidence hashes. Text only, via el().
import { snapshotScreenshotUrl } from './api';
import { el, formatTime } from './format';
import { t } from './i18n';
import { snapshotDecisionLabel, statusWords } from './order-format';
import type { TimelineEntry } from './orders-api';

function hashLine(label: string, sha256: string | null, missing: string): HTMLElement {
  const line = el('div', `${label}: `, { class: 'hash' });
  line.append(sha256 ? el('code', sha256) : el('span', missing, { class: 'hint' }));
  return line;
}

export function timelineItem(entry: TimelineEntry): HTMLLIElement {
  const item = el('li', undefined, { class: entry.statusChanged ? 'timeline-entry changed' : 'timeline-entry', 'data-snapshot': entry.snapshotId });
  const when = formatTime(entry.capturedAt);
  const heading = el('h3');
  const link = el('a', undefined, { href: `/snapshots/${encodeURIComponent(entry.snapshotId)}`, 'aria-label': t('timelineOpen', { time: when }) });
  link.append(el('time', when, { datetime: entry.capturedAt }));
  heading.append(link, ' ', el('span', snapshotDecisionLabel(entry.capture, entry.decision), { class: `decision decision-${entry.capture === 'manual' ? 'none' : entry.decision}` }));
  item.append(heading);

  if (entry.statusChanged) {
    item.append(
      el('p', t('timelineChanged', { from: statusWords(entry.previousStatus, entry.previousStatusText), to: statusWords(entry.status, entry.statusText) }), {
        class: 'status-change',
      }),
    );
  }

  const body = el('div', undefined, { class: 'timeline-body' });
  const facts = el('div');
  const status = el('p', `${t('timelineStatus')}: `);
  status.append(el('span', entry.status === null ? t('timelineStatusNotRead') : statusWords(entry.status, entry.statusText), { class: 'timeline-status' }));
  facts.append(
    status,
    hashLine(t('timelineManifest'), entry.manifestSha256, t('timelineNotSigned')),
    hashLine(t('timelineTimestamp'), entry.timestampSha256, t('timelineNoTimestamp')),
    // Filled in by checkTimeline once the snapshot has been verified.
    el('p', '', { class: 'check-line', 'data-check': 'pending', 'data-snapshot-id': entry.snapshotId }),
  );
  const thumb = entry.hasScreenshot
    ? el('img', undefined, { src: snapshotScreenshotUrl(entry.snapshotId), alt: t('timelineThumbAlt', { time: when }), loading: 'lazy', class: 'thumb' })
    : el('p', t('timelineNoScreenshot'), { class: 'thumb thumb-none hint' });
  body.append(thumb, facts);
  item.append(body);
  return item;
}

export function renderTimeline(entries: TimelineEntry[], list: HTMLElement): void {
  list.replaceChildren(...entries.map(timelineItem));
}
