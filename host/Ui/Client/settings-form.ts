// What the settings page computes without touching the page: KiB ⇄ bytes for the capture limits, which field a
// host problem names, and the words for the data folder and for what a retention limit would delete.
import { ApiError, type DataFolderReport, type RetentionPreview, type RetentionSaved } from './api';
import { formatBytes, formatTime } from './format';
import { locale, t } from './i18n';

/** The capture limits as host/Settings/HostSettings.cs has them (the host checks them again). */
export const captureLimits = { minBytes: 1024, maxBytes: 32 * 1024 * 1024, defaultResourceBytes: 2 * 1024 * 1024, defaultTotalBytes: 20 * 1024 * 1024 };

const KiB = 1024;

/** Bytes as KiB for a number field: whole when they divide evenly, else to three decimals. */
export function kibText(bytes: number): string {
  const kib = bytes / KiB;
  return Number.isInteger(kib) ? String(kib) : kib.toFixed(3).replace(/0+$/, '');
}

/** KiB as typed → bytes; null for anything but a plain non-negative number (so nothing is sent for it). */
export function bytesFromKib(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * KiB);
}

export interface FieldMessages {
  /** The host's words for each listed field it named. */
  fields: Record<string, string>;
  /** Whatever else went wrong (another field, the network, a 500), or null. */
  other: string | null;
}

/** Splits a failed save into what belongs next to each field the form has and what belongs to the whole form. */
export function fieldMessages(failure: unknown, fields: readonly string[]): FieldMessages {
  const result: FieldMessages = { fields: {}, other: null };
  if (!(failure instanceof ApiError)) {
    result.other = failure instanceof Error ? failure.message : String(failure);
    return result;
  }
  const rest: string[] = [];
  for (const [field, complaints] of Object.entries(failure.errors)) {
    if (fields.includes(field)) result.fields[field] = complaints.join(' ');
    else rest.push(`${field} ${complaints.join(' ')}`);
  }
  if (rest.length > 0 || Object.keys(result.fields).length === 0) result.other = rest.length > 0 ? rest.join(' ') : failure.message;
  return result;
}

/** "12.3 MB in all: database …, files … (N files)". */
export function dataSizeText(report: DataFolderReport): string {
  return t('dataSizeValue', {
    total: formatBytes(report.totalBytes),
    database: formatBytes(report.databaseBytes),
    artifacts: formatBytes(report.artifactsBytes),
    files: report.artifactFiles,
  });
}

/** What the limit would do now, in a sentence or two. */
export function retentionPreviewText(preview: RetentionPreview): string {
  if (preview.days === null) return t('retentionPreviewForever');
  const deletes =
    preview.wouldDelete === 0 || preview.receivedBefore === null
      ? t('retentionPreviewNone')
      : t('retentionPreviewSome', { count: preview.wouldDelete, time: formatTime(preview.receivedBefore) });
  // Chinese sentences follow each other without a space.
  const gap = locale === 'zh-CN' ? '' : ' ';
  return preview.keptForNotes > 0 ? `${deletes}${gap}${t('retentionPreviewKept', { count: preview.keptForNotes })}` : deletes;
}

/** The question asked before a save that deletes: null when it deletes nothing (no question). */
export function retentionQuestion(preview: RetentionPreview): string | null {
  if (preview.days === null || preview.wouldDelete === 0 || preview.receivedBefore === null) return null;
  return t('retentionQuestion', { count: preview.wouldDelete, time: formatTime(preview.receivedBefore), days: preview.days });
}

export function retentionSavedText(saved: RetentionSaved): string {
  return saved.deleted > 0 ? t('retentionSavedDeleted', { count: saved.deleted }) : t('retentionSaved');
}
