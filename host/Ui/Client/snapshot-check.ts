// One snapshot's verification state: the full line on the snapshot page (with every problem and "check again"), and
// a short one per timeline entry on the order page. Results are text only.
import { verifySnapshot, type SnapshotCheck } from './api';
import { el } from './format';
import { t } from './i18n';

export type CheckState = 'running' | 'ok' | 'problem' | 'failed';

/** The long sentence for a finished check. */
export function checkSentence(check: SnapshotCheck): string {
  return check.ok
    ? t('checkOk', { files: check.files, entries: check.entries })
    : t('checkProblem', { problem: check.firstProblem ?? '?' });
}

/** The short label for a timeline entry. */
export function checkShort(check: SnapshotCheck): string {
  return check.ok ? t('checkShortOk') : t('checkShortProblem', { problem: check.firstProblem ?? '?' });
}

function mark(box: HTMLElement, state: CheckState): void {
  box.dataset.check = state;
}

/** Runs the check for `id` into `box` (a live region), listing further problems and offering to check again. */
export async function showSnapshotCheck(id: string, box: HTMLElement): Promise<void> {
  mark(box, 'running');
  box.replaceChildren(el('span', t('checkRunning')));
  let check: SnapshotCheck;
  try {
    check = await verifySnapshot(id);
  } catch (error) {
    mark(box, 'failed');
    box.replaceChildren(el('span', t('checkFailed', { message: (error as Error).message })));
    return;
  }
  mark(box, check.ok ? 'ok' : 'problem');
  const parts: HTMLElement[] = [el('span', checkSentence(check), { class: check.ok ? 'check-ok' : 'check-problem' })];
  if (check.problems.length > 1) {
    const more = el('details');
    more.append(el('summary', t('checkMore', { count: check.problems.length - 1 })));
    const list = el('ul');
    list.append(...check.problems.slice(1).map((problem) => el('li', problem)));
    more.append(list);
    parts.push(more);
  }
  const again = el('button', t('checkAgain'), { type: 'button', class: 'link-button' });
  again.addEventListener('click', () => void showSnapshotCheck(id, box));
  parts.push(again);
  box.replaceChildren(...parts);
}

/**
 * Checks each timeline entry's snapshot one after another (each reads its files, so not all at once) and writes the
 * short result into the entry's [data-check] line. Results are kept for the page's life: stored evidence does not
 * change, and the timeline is redrawn on every live update.
 */
export async function checkTimeline(list: HTMLElement, cache: Map<string, SnapshotCheck>): Promise<void> {
  for (const line of list.querySelectorAll<HTMLElement>('[data-check][data-snapshot-id]')) {
    const id = line.dataset.snapshotId!;
    let check = cache.get(id);
    if (!check) {
      mark(line, 'running');
      line.textContent = t('checkShortRunning');
      try {
        check = await verifySnapshot(id);
        cache.set(id, check);
      } catch (error) {
        mark(line, 'failed');
        line.textContent = t('checkFailed', { message: (error as Error).message });
        continue;
      }
    }
    if (!line.isConnected) continue;
    mark(line, check.ok ? 'ok' : 'problem');
    line.textContent = checkShort(check);
  }
}
