// "/snapshots/{id}": one snapshot's metadata, its screenshot and capture context, and the captured page in an inert,
// sandboxed frame; below it the evidence record (manifest, custody log, notes, export, delete).
import { ApiError, getParsed, getSnapshot, snapshotEmbeddedUrl, snapshotHtmlUrl, type SnapshotSummary } from './api';
import { renderContext, renderScreenshot, renderSerializer } from './evidence';
import { showDeleted, startEvidenceRecord } from './evidence-store';
import { decisionLabel, el, formatBytes, formatTime } from './format';
import { t, type MessageKey } from './i18n';
import { connectLive } from './live';
import { renderParsedPage, renderParseStatus } from './parsed-orders';
import { showError } from './page';
import { showData, showSource } from './raw-views';
import { showSnapshotCheck } from './snapshot-check';
import { wireTabs } from './tabs';

function renderMeta(snapshot: SnapshotSummary): void {
  const entries: [MessageKey, string | HTMLElement][] = [
    ['metaDecision', decisionLabel(snapshot)],
    ['metaSite', snapshot.site],
    ['metaButton', snapshot.buttonText],
    ['metaOrder', snapshot.orderHint ?? '—'],
    ['metaCapturedAt', formatTime(snapshot.capturedAt)],
    ['metaReceivedAt', formatTime(snapshot.receivedAt)],
    ['metaUrl', el('a', snapshot.url, { href: snapshot.url, rel: 'noreferrer noopener', target: '_blank' })],
    ['metaHash', el('code', snapshot.htmlSha256)],
    ['metaSize', formatBytes(snapshot.htmlBytes)],
  ];
  if (snapshot.hasEmbeddedData) {
    entries.push(['metaEmbedded', el('a', t('embeddedLink'), { href: snapshotEmbeddedUrl(snapshot.id), target: '_blank', rel: 'noopener' })]);
  }
  const list = document.getElementById('meta')!;
  list.replaceChildren();
  for (const [label, value] of entries) {
    const dd = el('dd');
    dd.append(value);
    list.append(el('dt', t(label)), dd);
  }
}

/** The parse status line and, once parsed, the orders; called again on SnapshotParsed. */
async function showParsed(id: string): Promise<void> {
  const line = document.getElementById('parsed-status')!;
  const box = document.getElementById('parsed')!;
  try {
    const snapshot = await getSnapshot(id);
    renderParseStatus(snapshot.parse, line);
    if (snapshot.parse?.status === 'parsed') renderParsedPage(await getParsed(id), box);
    else box.replaceChildren();
  } catch (error) {
    line.textContent = t('loadFailed', { message: (error as Error).message });
  }
}

/** The page / source / data switch; the raw views load the first time they are opened. */
function wireViewer(snapshot: SnapshotSummary): void {
  const loaded = new Set<string>();
  wireTabs(document.getElementById('viewer-tabs')!, (tab) => {
    if (loaded.has(tab)) return;
    loaded.add(tab);
    if (tab === 'tab-source') void showSource(snapshot, document.getElementById('source-status')!, document.getElementById('source')!);
    if (tab === 'tab-data') void showData(snapshot, document.getElementById('data-status')!, document.getElementById('data')!);
  });
}

export async function startSnapshotPage(): Promise<void> {
  const id = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  try {
    const snapshot = await getSnapshot(id);
    document.getElementById('title')!.textContent = snapshot.title || t('untitled');
    document.title = `ReceiptGuard — ${snapshot.title || t('untitled')}`;
    renderMeta(snapshot);
    renderScreenshot(snapshot, document.getElementById('screenshot')!);
    renderContext(snapshot.context, document.getElementById('context')!, document.getElementById('context-none')!);
    renderSerializer(snapshot.context, document.getElementById('serializer')!, document.getElementById('serializer-section')!);
    (document.getElementById('page') as HTMLIFrameElement).src = snapshotHtmlUrl(snapshot.id);
    wireViewer(snapshot);
    await Promise.all([showParsed(snapshot.id), startEvidenceRecord(snapshot), showSnapshotCheck(snapshot.id, document.getElementById('snapshot-check')!)]);
  } catch (error) {
    showError(error instanceof ApiError && error.status === 404 ? t('notFound') : t('loadFailed', { message: (error as Error).message }));
  }
  await connectLive({
    snapshotParsed: (parsedId) => {
      if (parsedId === id) void showParsed(id);
    },
    snapshotDeleted: (deletedId) => {
      if (deletedId === id) showDeleted();
    },
  });
}
