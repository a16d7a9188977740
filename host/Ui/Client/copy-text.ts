// A Copy button for a text box: the clipboard when the browser allows it, else the text is selected for Ctrl+C.
import { el } from './format';
import { t } from './i18n';

export function copyButton(source: HTMLTextAreaElement | HTMLInputElement, status: HTMLElement): HTMLButtonElement {
  const button = el('button', t('guideCopy'), { type: 'button', class: 'copy' });
  button.addEventListener('click', () => void copyFrom(source, status));
  return button;
}

export async function copyFrom(source: HTMLTextAreaElement | HTMLInputElement, status: HTMLElement): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(source.value);
    status.textContent = t('guideCopied');
  } catch {
    source.focus();
    source.select();
    status.textContent = t('guideCopyFallback');
  }
}
