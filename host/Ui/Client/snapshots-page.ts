// "/": the snapshots list, newest first, paged; new snapshots are prepended live on the first page, deleted ones go.
// A search shows its results in the same table until it is cleared; the evidence store panel sits below.
import { listSnapshots, searchSnapshots, type SnapshotSummary } from './api';
import { decisionLabel, el, formatTime } from './format';
import { t } from './i18n';
import { connectLive } from './live';
import { showError } from './page';
import { startStorePanel } from './store-panel';

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
  const pager = document.getElementById('pager')!;
  const newer = document.getElementById('newer') as HTMLButtonElement;
  const older = document.getElementById('older') as HTMLButtonElement;
  const info = document.getElementById('page-info')!;
  const searchForm = document.getElementById('search-form') as HTMLFormElement;
  const searchInput = document.getElementById('search-q') as HTMLInputElement;
  const searchClear = document.getElementById('search-clear') as HTMLButtonElement;
  const searchStatus = document.getElementById('search-status')!;
  let offset = 0;
  let total = 0;
  /** The query whose results are shown, or null for the live list. */
  let searching: string | null = null;

  function updatePager(shown: number): void {
    empty.hidden = total > 0;
    newer.disabled = offset === 0;
    older.disabled = offset + shown >= total;
    info.textContent = total > 0 ? t('pageInfo', { from: offset + 1, to: offset + shown, total }) : '';
  }

  async function load(): Promise<void> {
    try {
      const page = await listSnapshots(pageSize, offset);
      if (searching !== null) return;
      total = page.total;
      body.replaceChildren(...page.items.map(row));
      updatePager(page.items.length);
    } catch (error) {
      showError(t('loadFailed', { message: (error as Error).message }));
    }
  }

  async function search(query: string): Promise<void> {
    searching = query;
    pager.hidden = true;
    empty.hidden = true;
    searchClear.hidden = false;
    try {
      const results = await searchSnapshots(query);
      if (searching !== query) return;
      body.replaceChildren(...results.items.map(row));
      searchStatus.textContent = results.items.length > 0 ? t('searchResults', { count: results.items.length, query }) : t('searchNone', { query });
    } catch (error) {
      searchStatus.textContent = t('loadFailed', { message: (error as Error).message });
    }
  }

  function clearSearch(): void {
    searching = null;
    searchInput.value = '';
    searchStatus.textContent = '';
    searchClear.hidden = true;
    pager.hidden = false;
    void load();
    searchInput.focus();
  }

  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = searchInput.value.trim();
    if (query) void search(query);
    else clearSearch();
  });
  searchClear.addEventListener('click', clearSearch);
  newer.addEventListener('click', () => {
    offset = Math.max(0, offset - pageSize);
    void load();
  });
  older.addEventListener('click', () => {
    offset += pageSize;
    void load();
  });

  await Promise.all([load(), startStorePanel()]);
  await connectLive({
    snapshotStored(snapshot) {
      if (searching !== null || body.querySelector(`tr[data-id="${CSS.escape(snapshot.id)}"]`)) return;
      total += 1;
      if (offset === 0) {
        body.prepend(row(snapshot));
        while (body.rows.length > pageSize) body.deleteRow(-1);
      }
      updatePager(body.rows.length);
    },
    snapshotDeleted(id) {
      const shown = body.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
      shown?.remove();
      if (searching !== null) return;
      // Counted only when it was on this page: elsewhere the next load() corrects the total.
      if (shown) total = Math.max(0, total - 1);
      updatePager(body.rows.length);
    },
  });
}
