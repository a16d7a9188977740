// Small helpers shared by the extension's own pages.

export const message = (key: string, substitutions?: (string | number)[]): string =>
  chrome.i18n.getMessage(key, substitutions?.map(String));

/** Fills every [data-i18n] element with its message and sets the page language. */
export function translate(root: ParentNode = document): void {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = message(element.dataset.i18n!);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    element.setAttribute('placeholder', message(element.dataset.i18nPlaceholder!));
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

export const shopName = (names: { en: string; zh: string }): string =>
  chrome.i18n.getUILanguage().toLowerCase().startsWith('zh') ? names.zh : names.en;
