// The retention setting on /settings: keep snapshots forever or for N days. As the limit is typed the host says what
// it would delete now; a save that deletes asks first. Snapshots with a note are never deleted by the rule.
import { getRetention, previewRetention, putRetention, type RetentionPreview } from './api';
import { t } from './i18n';
import { fieldMessages, retentionPreviewText, retentionQuestion, retentionSavedText } from './settings-form';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Wires the form; onSaved runs after a save (the data folder's counts change when snapshots go). */
export async function wireRetention(onSaved: () => void): Promise<void> {
  const form = byId<HTMLFormElement>('retention-form');
  const forever = byId<HTMLInputElement>('retention-forever');
  const limited = byId<HTMLInputElement>('retention-limited');
  const days = byId<HTMLInputElement>('retention-days');
  const label = byId('retention-days-label');
  const preview = byId('retention-preview');
  const status = byId('retention-status');
  const error = byId('retention-error');
  const dialog = byId<HTMLDialogElement>('retention-dialog');
  const question = byId('retention-question');
  const save = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;

  const typed = (): string => (limited.checked ? days.value.trim() : '');
  const showError = (message: string): void => {
    error.textContent = t('retentionNotSaved', { message });
    error.hidden = false;
    if (limited.checked) {
      days.setAttribute('aria-invalid', 'true');
      days.focus();
    }
  };
  const clear = (): void => {
    status.textContent = '';
    error.hidden = true;
    days.removeAttribute('aria-invalid');
  };
  const syncMode = (): void => {
    days.disabled = !limited.checked;
  };

  try {
    const current = await getRetention();
    label.textContent = t('retentionDaysLabel', { min: current.minDays, max: current.maxDays });
    days.min = String(current.minDays);
    days.max = String(current.maxDays);
    (current.days === null ? forever : limited).checked = true;
    days.value = current.days === null ? '' : String(current.days);
  } catch (failure) {
    showError(failure instanceof Error ? failure.message : String(failure));
  }
  syncMode();

  // The preview follows typing, a moment after it pauses; only the latest answer is shown.
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshPreview = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ticket = ++asked;
      if (limited.checked && typed() === '') {
        preview.textContent = '';
        return;
      }
      void previewRetention(typed()).then(
        (answer) => {
          if (ticket === asked) preview.textContent = retentionPreviewText(answer);
        },
        () => {
          // A limit out of range has no preview; saving says why.
          if (ticket === asked) preview.textContent = '';
        },
      );
    }, 300);
  };
  for (const input of [forever, limited]) {
    input.addEventListener('change', () => {
      syncMode();
      clear();
      refreshPreview();
      if (limited.checked) days.focus();
    });
  }
  days.addEventListener('input', () => {
    clear();
    refreshPreview();
  });
  refreshPreview();

  const confirmDeletion = (answer: RetentionPreview): Promise<boolean> => {
    const text = retentionQuestion(answer);
    if (text === null) return Promise.resolve(true);
    question.textContent = text;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true }));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clear();
    save.disabled = true;
    void (async () => {
      try {
        // The host checks the limit and counts what it deletes; it answers with the days it understood.
        const answer = await previewRetention(typed());
        preview.textContent = retentionPreviewText(answer);
        if (!(await confirmDeletion(answer))) {
          status.textContent = t('retentionCancelled');
          return;
        }
        const saved = await putRetention(answer.days);
        status.textContent = retentionSavedText(saved);
        onSaved();
        refreshPreview();
      } catch (failure) {
        const messages = fieldMessages(failure, ['days']);
        showError(messages.fields.days ?? messages.other ?? '?');
      } finally {
        save.disabled = false;
      }
    })();
  });
}
