// Every user-visible string of the extension comes from _locales through here. The browser's language decides,
// unless the user chose another in options: then that locale's messages (stored with the setting) are used.

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Messages = Record<string, MessageEntry>;

export type Language = 'auto' | 'en' | 'zh_CN';

/** The locales the extension ships, in the order options offers them. */
export const LANGUAGES: readonly Exclude<Language, 'auto'>[] = ['zh_CN', 'en'];

let chosen: { language: Exclude<Language, 'auto'>; messages: Messages } | null = null;

/** Use these messages instead of the browser's language (null: back to the browser's). */
export function useMessages(language: Language, messages: Messages | null): void {
  chosen = language !== 'auto' && messages ? { language, messages } : null;
}

/** Chrome's message format: $NAME$ placeholders stand for their content ("$1"…), $1…$9 for substitutions, $$ for $. */
export function formatMessage(entry: MessageEntry, substitutions: readonly (string | number)[] = []): string {
  const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return placeholder ? placeholder[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (whole, which: string) => (which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? '')));
}

export function t(key: string, substitutions: readonly (string | number)[] = []): string {
  const entry = chosen?.messages[key];
  if (entry) return formatMessage(entry, substitutions);
  return chrome.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The language texts are shown in: the chosen one, else the browser's. */
export function currentLanguage(): Exclude<Language, 'auto'> {
  if (chosen) return chosen.language;
  return chrome.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

/** A platform's display name (messages shop_<id>). */
export const shopName = (id: string): string => t(`shop_${id}`);

/** Loads a shipped locale's messages (extension pages only: content scripts get them through settings). */
export async function loadMessages(language: Exclude<Language, 'auto'>): Promise<Messages> {
  const response = await fetch(chrome.runtime.getURL(`_locales/${language}/messages.json`));
  return (await response.json()) as Messages;
}
