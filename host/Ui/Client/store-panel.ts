// The "Evidence store" panel on "/": the signing key (fingerprint to copy, public key to read), the whole-store check
// and the timestamp authority setting.
import { ApiError, getEvidenceSettings, getSigningKey, putEvidenceSettings, verifyStore } from './api';
import { t } from './i18n';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function selectText(element: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

async function showKey(): Promise<void> {
  const fingerprint = byId('key-fingerprint');
  const copy = byId<HTMLButtonElement>('key-copy');
  const status = byId('key-copy-status');
  try {
    const key = await getSigningKey();
    fingerprint.textContent = key.fingerprint;
    byId('key-pem').textContent = key.publicKeyPem;
    copy.disabled = false;
  } catch (error) {
    fingerprint.textContent = t('loadFailed', { message: messageOf(error) });
  }
  copy.addEventListener('click', () => {
    void navigator.clipboard
      .writeText(fingerprint.textContent ?? '')
      .then(() => {
        status.textContent = t('copied');
      })
      .catch(() => {
        selectText(fingerprint);
        status.textContent = t('copyFailed');
      });
  });
}

function wireVerify(): void {
  const button = byId<HTMLButtonElement>('verify');
  const status = byId('verify-status');
  const problem = byId('verify-problem');
  button.addEventListener('click', () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    problem.hidden = true;
    status.className = '';
    status.textContent = t('verifyRunning');
    void verifyStore()
      .then((report) => {
        if (report.ok) {
          status.className = 'ok';
          status.textContent = t('verifyOk', { entries: report.entries, snapshots: report.snapshots, files: report.files });
        } else {
          status.textContent = '';
          problem.textContent = t('verifyProblem', { count: report.problems.length, problem: report.firstProblem ?? report.problems[0] ?? '?' });
          problem.hidden = false;
        }
      })
      .catch((error: unknown) => {
        status.textContent = '';
        problem.textContent = t('loadFailed', { message: messageOf(error) });
        problem.hidden = false;
      })
      .finally(() => {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      });
  });
}

async function wireTsa(): Promise<void> {
  const form = byId<HTMLFormElement>('tsa-form');
  const input = byId<HTMLInputElement>('tsa-url');
  const status = byId('tsa-status');
  const error = byId('tsa-error');
  try {
    input.value = (await getEvidenceSettings()).tsaUrl ?? '';
  } catch (failure) {
    error.textContent = t('loadFailed', { message: messageOf(failure) });
    error.hidden = false;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = '';
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    void putEvidenceSettings(input.value.trim())
      .then((saved) => {
        input.value = saved.tsaUrl ?? '';
        status.textContent = t('tsaSaved');
      })
      .catch((failure: unknown) => {
        // A 400 names the field: show the host's own words for it.
        const field = failure instanceof ApiError ? failure.errors.tsaUrl?.join(' ') : undefined;
        error.textContent = t('tsaFailed', { message: field ?? messageOf(failure) });
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      });
  });
}

export async function startStorePanel(): Promise<void> {
  wireVerify();
  await Promise.all([showKey(), wireTsa()]);
}
