import type { SnapshotSummary } from './api';
import { locale, t } from './i18n';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });

export const formatTime = (iso: string): string => dateTime.format(new Date(iso));

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Builds an element with text content only: captured titles and URLs are never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export function decisionLabel(snapshot: SnapshotSummary): string {
  if (snapshot.capture === 'manual') return t('decisionManual');
  return snapshot.decision === 'confirmed' ? t('decisionConfirmed') : t('decisionCancelled');
}
