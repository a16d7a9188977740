// The timestamp authority (RFC 3161) setting on /settings: one address, or none.
import { ApiError, getEvidenceSettings, putEvidenceSettings } from './api';
import { t } from './i18n';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function wireTsa(): Promise<void> {
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
