// The "Evidence store" panel on "/": the signing key's fingerprint (to copy) and the whole-store check. The public
// key, the timestamp authority and the other settings are on /settings, which the panel links to.
import { verifyStore } from './api';
import { t } from './i18n';
import { showSigningKey } from './signing-key';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

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

export async function startStorePanel(): Promise<void> {
  wireVerify();
  await showSigningKey();
}
