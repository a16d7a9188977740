// "/": the snapshots list, newest first, paged; new snapshots are prepended live on the first page.
import { listSnapshots, type SnapshotSummary } from './api';
import { decisionLabel, el, formatTime } from './format';
import { t } from './i18n';
import { connectLive } from './live';
import { showError } from './page';

const pageSize = 50;

function row(snapshot: SnapshotSummary): HTMLTableRowElement {
  const tr = el('tr', undefined, { 'data-id': snapshot.id });
  const time = el('td');
  time.append(el('time', formatTime(snapshot.capturedAt), { datetime: snapshot.capturedAt }));
  const title = el('td');
  title.append(el('a', snapshot.title || t('untitled'), { href: `/snapshots/${snapshot.id}` }));
  const decision = el('td', decisionLabel(snapshot), { class: `decision decision-${snapshot.decision}` });
  tr.append(time, el('td', snapshot.site), el('td', snapshot.orderHint ?? '—', { class: 'order' }), title, decision);
  return tr;
}

export async function startSnapshotsPage(): Promise<void> {
  const body = document.querySelector<HTMLTableSectionElement>('#snapshots tbody')!;
  const empty = document.getElementById('snapshots-empty')!;
  const newer = document.getElementById('newer') as HTMLButtonElement;
  const older = document.getElementById('older') as HTMLButtonElement;
  const info = document.getElementById('page-info')!;
  let offset = 0;
  let total = 0;

  function updatePager(shown: number): void {
    empty.hidden = total > 0;
    newer.disabled = offset === 0;
    older.disabled = offset + shown >= total;
    info.textContent = total > 0 ? t('pageInfo', { from: offset + 1, to: offset + shown, total }) : '';
  }

  async function load(): Promise<void> {
    try {
      const page = await listSnapshots(pageSize, offset);
      total = page.total;
      body.replaceChildren(...page.items.map(row));
      updatePager(page.items.length);
    } catch (error) {
      showError(t('loadFailed', { message: (error as Error).message }));
    }
  }

  newer.addEventListener('click', () => {
    offset = Math.max(0, offset - pageSize);
    void load();
  });
  older.addEventListener('click', () => {
    offset += pageSize;
    void load();
  });

  await load();
  await connectLive({
    snapshotStored(snapshot) {
      if (body.querySelector(`tr[data-id="${CSS.escape(snapshot.id)}"]`)) return;
      total += 1;
      if (offset === 0) {
        body.prepend(row(snapshot));
        while (body.rows.length > pageSize) body.deleteRow(-1);
      }
      updatePager(body.rows.length);
    },
  });
}
