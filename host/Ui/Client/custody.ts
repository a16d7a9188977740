// Pure helpers for the evidence record: custody kinds in words, short hashes, the export links a snapshot offers.
import { exportUrl, type CustodyEntry, type ExportFormat } from './api';
import { t, type MessageKey } from './i18n';

/** host/Evidence/Custody/CustodyEntry.cs CustodyKinds → the words shown. */
const CUSTODY_KINDS: Record<string, MessageKey> = {
  'snapshot.stored': 'custodyStored',
  'snapshot.parsed': 'custodyParsed',
  'snapshot.timestamped': 'custodyTimestamped',
  'note.added': 'custodyNoteAdded',
  exported: 'custodyExported',
  'snapshot.deleted': 'custodyDeleted',
};

/** What a custody entry records, in words; a kind this UI does not know is shown by its id. */
export function custodyWhat(kind: string): string {
  const key = Object.hasOwn(CUSTODY_KINDS, kind) ? CUSTODY_KINDS[kind] : undefined;
  return key ? t(key) : t('custodyOther', { kind });
}

/** The first `length` hex characters of a hash (12 by default), enough to tell entries apart at a glance. */
export const shortHash = (hash: string, length = 12): string => hash.slice(0, length);

export interface ExportLink {
  href: string;
  label: string;
  format: ExportFormat;
}

/** The bundles a snapshot can be exported as: itself, and its whole order too when it names one. */
export function exportLinks(snapshot: { id: string; orderHint: string | null }): ExportLink[] {
  const formats: ExportFormat[] = ['zip', 'wacz'];
  const links = formats.map((format) => ({
    href: exportUrl({ snapshot: snapshot.id }, format),
    label: t(format === 'zip' ? 'exportZip' : 'exportWacz'),
    format,
  }));
  const order = snapshot.orderHint?.trim();
  if (order) {
    for (const format of formats) {
      links.push({ href: exportUrl({ order }, format), label: t(format === 'zip' ? 'exportOrderZip' : 'exportOrderWacz', { order }), format });
    }
  }
  return links;
}

/**
 * The fingerprint of the key that signed a snapshot's manifest, as its latest "stored" custody entry records it
 * (detail.signingKey); null when the log does not say.
 */
export function signerOf(entries: readonly CustodyEntry[]): string | null {
  for (const entry of [...entries].reverse()) {
    if (entry.kind !== 'snapshot.stored') continue;
    try {
      const detail = JSON.parse(entry.detail) as unknown;
      const key = typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>).signingKey : undefined;
      if (typeof key === 'string' && key.length > 0) return key;
    } catch {
      // detail is the hashed text; a malformed one says nothing about the signer
    }
  }
  return null;
}
