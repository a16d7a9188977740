// The snapshot viewer's raw-data views: the stored HTML as text, and what the host read from it as JSON. Both are set
// with textContent, so nothing in them is parsed as markup or runs.
import { getParsed, snapshotHtmlUrl, type SnapshotSummary } from './api';
import { el, formatBytes } from './format';
import { t } from './i18n';

/** More text than this in one <pre> makes the page sluggish; the rest is a download away. */
export const SourceDisplayLimit = 2 * 1024 * 1024;

export function clipSource(text: string, limit = SourceDisplayLimit): { shown: string; cut: boolean } {
  return text.length <= limit ? { shown: text, cut: false } : { shown: text.slice(0, limit), cut: true };
}

export async function showSource(snapshot: SnapshotSummary, status: HTMLElement, pre: HTMLElement): Promise<void> {
  status.textContent = t('viewLoading');
  try {
    const response = await fetch(snapshotHtmlUrl(snapshot.id));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const text = await response.text();
    const { shown, cut } = clipSource(text);
    pre.textContent = shown;
    const parts: (string | HTMLElement)[] = [t('viewSourceSize', { size: formatBytes(snapshot.htmlBytes), hash: snapshot.htmlSha256 })];
    if (cut) parts.push(' ', t('viewSourceCut', { shown: formatBytes(SourceDisplayLimit), size: formatBytes(snapshot.htmlBytes) }));
    parts.push(' ', el('a', t('viewDownload'), { href: snapshotHtmlUrl(snapshot.id), download: `${snapshot.id}.html` }));
    status.replaceChildren(...parts);
  } catch (error) {
    status.textContent = t('viewFailed', { message: (error as Error).message });
  }
}

export async function showData(snapshot: SnapshotSummary, status: HTMLElement, pre: HTMLElement): Promise<void> {
  if (snapshot.parse?.status !== 'parsed') {
    status.textContent = t('viewDataNone');
    pre.textContent = '';
    return;
  }
  status.textContent = t('viewLoading');
  try {
    pre.textContent = JSON.stringify(await getParsed(snapshot.id), null, 2);
    status.textContent = t('viewDataIntro', { version: snapshot.parse.version ?? '?' });
  } catch (error) {
    status.textContent = t('viewFailed', { message: (error as Error).message });
  }
}
