// "/report?order=ID": one printable page with an order's evidence — the parsed order, every snapshot with its
// screenshot and hashes, the custody log, the signing key and how to check it all. Print CSS lives in app.css.
import { exportUrl, getCustody, getSigningKey, snapshotScreenshotUrl, type CustodyEntry, type SigningKeyInfo } from './api';
import { custodyWhat } from './custody';
import { decisionLabel, el, formatTime } from './format';
import { t } from './i18n';
import { loadOrderEvidence, type OrderSnapshot } from './order-evidence';
import { showError } from './page';
import { orderView } from './parsed-orders';

function metaList(entries: [string, string | Node][]): HTMLDListElement {
  const list = el('dl', undefined, { class: 'meta' });
  for (const [label, value] of entries) {
    const dd = el('dd');
    dd.append(value);
    list.append(el('dt', label), dd);
  }
  return list;
}

function custodyTable(entries: CustodyEntry[]): HTMLElement {
  if (entries.length === 0) return el('p', t('reportCustodyNone'));
  const table = el('table', undefined, { class: 'custody' });
  const head = el('tr');
  for (const key of ['reportColSeq', 'reportColAt', 'reportColWhat', 'reportColHash'] as const) head.append(el('th', t(key)));
  table.append(head);
  for (const entry of entries) {
    const row = el('tr');
    const hash = el('td');
    hash.append(el('code', entry.hash));
    row.append(el('td', String(entry.seq)), el('td', formatTime(entry.at)), el('td', custodyWhat(entry.kind)), hash);
    table.append(row);
  }
  return table;
}

function snapshotSection({ snapshot, page }: OrderSnapshot, index: number, orderId: string, custody: CustodyEntry[]): HTMLElement {
  const section = el('section', undefined, { class: 'report-snapshot' });
  section.append(el('h3', t('reportSnapshotHeading', { n: index + 1, time: formatTime(snapshot.capturedAt) })));
  const order = page?.orders.find((o) => o.orderId.value === orderId);
  const status = order ? (order.statusText?.value ?? order.status) : '—';
  const code = (text: string): HTMLElement => el('code', text);
  section.append(
    metaList([
      [t('reportSnapshotId'), code(snapshot.id)],
      [t('reportDecision'), decisionLabel(snapshot)],
      [t('reportStatus'), status],
      [t('reportPageUrl'), snapshot.url],
      [t('reportPageHash'), code(snapshot.htmlSha256)],
      [t('reportManifest'), snapshot.manifestSha256 ? code(snapshot.manifestSha256) : t('reportManifestPending')],
      [t('reportTimestamp'), snapshot.timestampSha256 ? t('reportTimestampYes', { hash: snapshot.timestampSha256 }) : t('reportTimestampNo')],
    ]),
  );
  if (snapshot.hasScreenshot) {
    const figure = el('figure', undefined, { class: 'report-shot' });
    figure.append(el('img', undefined, { src: snapshotScreenshotUrl(snapshot.id), alt: t('screenshotAlt', { title: snapshot.title || t('untitled') }) }));
    if (snapshot.screenshotSha256) figure.append(el('figcaption', t('screenshotHash', { hash: snapshot.screenshotSha256 })));
    section.append(figure);
  } else {
    section.append(el('p', snapshot.screenshotError ? t('screenshotMissing', { reason: snapshot.screenshotError }) : t('screenshotNone')));
  }
  section.append(el('h4', t('reportCustody')), custodyTable(custody));
  return section;
}

function verifySection(orderId: string, key: SigningKeyInfo | null): HTMLElement {
  const section = el('section', undefined, { class: 'report-verify' });
  const bundle = exportUrl({ order: orderId }, 'zip');
  const absolute = new URL(bundle, location.href).href;
  section.append(el('h2', t('reportKeySection')));
  if (key) section.append(metaList([[t('reportKeyFingerprint', { algorithm: key.algorithm }), el('code', key.fingerprint)]]));
  const first = el('p');
  const [before, after] = t('reportVerify1', { url: '\u0000' }).split('\u0000');
  first.append(before ?? '', el('a', absolute, { href: bundle, id: 'report-export' }), after ?? '');
  section.append(
    el('h2', t('reportVerifySection')),
    first,
    el('p', t('reportVerify2')),
    el('pre', `ReceiptGuard.Host verify receiptguard-${orderId}-<date>.zip`),
    el('p', t('reportVerify3')),
    el('pre', 'sha256sum <file>   # equals its entry in bundle.json\nopenssl dgst -sha256 -verify public-key.pem -signature bundle.sig bundle.json'),
    el('p', t('reportVerify4')),
  );
  return section;
}

export async function startReportPage(): Promise<void> {
  const orderId = new URLSearchParams(location.search).get('order')?.trim() ?? '';
  document.getElementById('print')!.addEventListener('click', () => window.print());
  const body = document.getElementById('report')!;
  if (!orderId) {
    body.replaceChildren(el('p', t('reportMissingOrder')));
    return;
  }
  document.getElementById('report-title')!.textContent = t('reportTitleFor', { id: orderId });
  document.title = `ReceiptGuard — ${t('reportTitleFor', { id: orderId })}`;
  const guide = document.getElementById('guide-link') as HTMLAnchorElement;
  guide.href = `/guide?order=${encodeURIComponent(orderId)}`;
  try {
    const [evidence, key] = await Promise.all([loadOrderEvidence(orderId), getSigningKey().catch(() => null)]);
    const custody = await Promise.all(evidence.snapshots.map(({ snapshot }) => getCustody(snapshot.id).catch(() => [] as CustodyEntry[])));
    const parts: Node[] = [el('p', t('reportGenerated', { time: formatTime(new Date().toISOString()), count: evidence.snapshots.length }), { class: 'hint' })];
    if (evidence.snapshots.length === 0) parts.push(el('p', t('reportNoSnapshots', { id: orderId })));
    parts.push(el('h2', t('reportOrderSection')), evidence.order ? orderView(evidence.order) : el('p', t('reportOrderUnparsed')));
    parts.push(el('h2', t('reportSnapshotsSection')));
    evidence.snapshots.forEach((item, index) => parts.push(snapshotSection(item, index, orderId, custody[index] ?? [])));
    parts.push(verifySection(orderId, key));
    body.replaceChildren(...parts);
    body.dataset.state = 'ready';
  } catch (error) {
    showError(t('loadFailed', { message: error instanceof Error ? error.message : String(error) }));
    body.dataset.state = 'failed';
  }
}
