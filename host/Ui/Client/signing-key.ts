// The host's signing key where a page shows it ("/" and /settings): the fingerprint with a Copy button, and the
// public key (PEM) when the page has a place for it. Elements: #key-fingerprint, #key-copy, #key-copy-status, #key-pem.
import { getSigningKey } from './api';
import { t } from './i18n';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function selectText(element: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export async function showSigningKey(): Promise<void> {
  const fingerprint = document.getElementById('key-fingerprint')!;
  const copy = document.getElementById('key-copy') as HTMLButtonElement;
  const status = document.getElementById('key-copy-status')!;
  try {
    const key = await getSigningKey();
    fingerprint.textContent = key.fingerprint;
    const pem = document.getElementById('key-pem');
    if (pem) pem.textContent = key.publicKeyPem;
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
