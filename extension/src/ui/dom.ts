// Small helpers shared by the extension's own pages.
import { currentLanguage, t, useMessages } from '../shared/i18n';
import { getSettings } from '../shared/settings';

/** Applies the language chosen in options (if any), then fills every [data-i18n] element with its message. */
export async function translate(root: ParentNode = document): Promise<void> {
  const { language, localeMessages } = await getSettings();
  useMessages(language, localeMessages);
  document.documentElement.lang = currentLanguage().replace('_', '-');
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = t(element.dataset.i18n!);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder!));
  }
}

export function say(id: string, text: string, state: 'ok' | 'error' | 'info' = 'info'): void {
  const box = document.getElementById(id)!;
  box.textContent = text;
  box.dataset.state = state;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
