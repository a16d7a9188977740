// The "Evidence record" section of "/snapshots/{id}": the signed manifest, the signing key, the trusted timestamp,
// the custody log, notes, export links and deletion. Captured and typed text is only ever set as text.
import {
  addNote,
  deleteSnapshot,
  getCustody,
  getNotes,
  getSigningKey,
  manifestUrl,
  type CustodyEntry,
  type SnapshotNote,
  type SnapshotSummary,
} from './api';
import { custodyWhat, exportLinks, shortHash, signerOf } from './custody';
import { el, formatTime } from './format';
import { t, type MessageKey } from './i18n';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function renderRecord(snapshot: SnapshotSummary, signer: string | null): void {
  const entries: [MessageKey, string | HTMLElement][] = [];
  if (snapshot.manifestSha256) {
    const link = el('a', undefined, { href: manifestUrl(snapshot.id), target: '_blank', rel: 'noopener' });
    link.append(el('code', snapshot.manifestSha256));
    entries.push(['manifestLabel', link]);
  } else {
    entries.push(['manifestLabel', t('manifestPending')]);
  }
  if (snapshot.manifestSignature) {
    const line = el('span');
    const [before, after] = t('signedWith', { fingerprint: '\u0000' }).split('\u0000');
    line.append(before ?? '', el('code', signer ?? '?'), after ?? '');
    entries.push(['signatureLabel', line]);
  } else {
    entries.push(['signatureLabel', t('notSigned')]);
  }
  entries.push([
    'timestampLabel',
    snapshot.timestampSha256 ? t('timestampPresent', { hash: shortHash(snapshot.timestampSha256) }) : t('timestampAbsent'),
  ]);
  const list = byId('evidence');
  list.replaceChildren();
  for (const [label, value] of entries) {
    const dd = el('dd');
    dd.append(value);
    list.append(el('dt', t(label)), dd);
  }
}

function renderCustody(entries: readonly CustodyEntry[]): void {
  const body = document.querySelector<HTMLTableSectionElement>('#custody tbody')!;
  body.replaceChildren(
    ...entries.map((entry) => {
      const tr = el('tr');
      const time = el('td');
      time.append(el('time', formatTime(entry.at), { datetime: entry.at }));
      const hash = el('td');
      hash.append(el('code', shortHash(entry.hash), { title: entry.hash }));
      tr.append(time, el('td', custodyWhat(entry.kind)), hash);
      return tr;
    }),
  );
  byId('custody-none').hidden = entries.length > 0;
}

function renderNotes(notes: readonly SnapshotNote[]): void {
  byId('notes').replaceChildren(
    ...notes.map((note) => {
      const item = el('li');
      item.append(el('time', formatTime(note.createdAt), { datetime: note.createdAt }), el('p', note.text, { class: 'note-text' }));
      return item;
    }),
  );
  byId('notes-none').hidden = notes.length > 0;
}

/** Custody entries and notes change as notes are added and exports made: read both again. */
async function refreshLog(id: string, snapshot: SnapshotSummary, fallbackSigner: () => Promise<string | null>): Promise<void> {
  const [custody, notes] = await Promise.all([getCustody(id), getNotes(id)]);
  renderRecord(snapshot, signerOf(custody) ?? (await fallbackSigner()));
  renderCustody(custody);
  renderNotes(notes);
}

function wireNoteForm(id: string, refresh: () => Promise<void>): void {
  const form = byId<HTMLFormElement>('note-form');
  const text = byId<HTMLTextAreaElement>('note-text');
  const status = byId('note-status');
  const error = byId('note-error');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    button.disabled = true;
    status.textContent = '';
    error.hidden = true;
    void addNote(id, text.value)
      .then(async () => {
        text.value = '';
        status.textContent = t('noteAdded');
        await refresh();
      })
      .catch((failure: unknown) => {
        error.textContent = t('noteFailed', { message: messageOf(failure) });
        error.hidden = false;
        text.focus();
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

function wireDelete(id: string): void {
  const dialog = byId<HTMLDialogElement>('delete-dialog');
  const error = byId('delete-error');
  byId('delete').addEventListener('click', () => {
    error.hidden = true;
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'delete') return;
    void deleteSnapshot(id)
      .then(() => location.assign('/'))
      .catch((failure: unknown) => {
        error.textContent = t('deleteFailed', { message: messageOf(failure) });
        error.hidden = false;
      });
  });
}

function renderExports(snapshot: SnapshotSummary): void {
  byId('exports').replaceChildren(
    ...exportLinks(snapshot).map((link) => el('a', link.label, { href: link.href, class: 'button', 'data-format': link.format })),
  );
}

/** Fills the evidence record once the snapshot is loaded; its buttons work from then on. */
export async function startEvidenceRecord(snapshot: SnapshotSummary): Promise<void> {
  let key: Promise<string | null> | null = null;
  const fallbackSigner = (): Promise<string | null> => (key ??= getSigningKey().then((info) => info.fingerprint, () => null));
  const refresh = (): Promise<void> =>
    refreshLog(snapshot.id, snapshot, fallbackSigner).catch((error: unknown) => {
      byId('evidence-error').textContent = t('loadFailed', { message: messageOf(error) });
      byId('evidence-error').hidden = false;
    });
  renderExports(snapshot);
  wireNoteForm(snapshot.id, refresh);
  wireDelete(snapshot.id);
  byId('evidence-section').hidden = false;
  await refresh();
}

/** SnapshotDeleted for this page's snapshot: say so and take away what no longer works. */
export function showDeleted(): void {
  const notice = byId('deleted');
  notice.textContent = t('snapshotDeleted');
  notice.hidden = false;
  for (const control of document.querySelectorAll<HTMLButtonElement | HTMLTextAreaElement>('#evidence-section button, #evidence-section textarea')) {
    control.disabled = true;
  }
  byId('exports').replaceChildren();
  byId<HTMLIFrameElement>('page').removeAttribute('src');
}
