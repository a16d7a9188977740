// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { problemMessage } from './api';
import { custodyWhat, exportLinks, shortHash, signerOf } from './custody';
import type { CustodyEntry } from './api';

describe('custodyWhat', () => {
  it('says in words what each custody kind the host writes records', () => {
    expect(['snapshot.stored', 'snapshot.parsed', 'snapshot.timestamped', 'note.added', 'exported', 'snapshot.deleted'].map(custodyWhat)).toEqual([
      'Stored',
      'Parsed',
      'Timestamped',
      'Note added',
      'Exported',
      'Deleted',
    ]);
  });

  it('names a kind it does not know, and is not fooled by object members', () => {
    expect(custodyWhat('key.rotated')).toBe('Other (key.rotated)');
    expect(custodyWhat('toString')).toBe('Other (toString)');
  });
});

describe('shortHash', () => {
  it('keeps the first 12 hex characters by default', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab');
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash('0123456789abcdef', 4)).toBe('0123');
  });
});

describe('exportLinks', () => {
  it('offers the snapshot as ZIP and WACZ', () => {
    const links = exportLinks({ id: '0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20', orderHint: null });
    expect(links.map((link) => link.href)).toEqual([
      '/api/export?snapshot=0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20&format=zip',
      '/api/export?snapshot=0b9f3c7e-5d1a-4f7b-9a51-3f2a8e6c1d20&format=wacz',
    ]);
    expect(links.map((link) => link.label)).toEqual(['Export ZIP', 'Export WACZ']);
  });

  it('adds the whole order when the snapshot names one, escaping it in the address', () => {
    const links = exportLinks({ id: 'abc', orderHint: ' 3312&x=1 ' });
    expect(links).toHaveLength(4);
    expect(links[2]).toEqual({ href: '/api/export?order=3312%26x%3D1&format=zip', label: 'Export order 3312&x=1 (ZIP)', format: 'zip' });
    expect(links[3]!.href).toBe('/api/export?order=3312%26x%3D1&format=wacz');
  });

  it('ignores a blank order hint', () => {
    expect(exportLinks({ id: 'abc', orderHint: '  ' })).toHaveLength(2);
  });
});

describe('problemMessage', () => {
  it('prefers the detail', () => {
    expect(problemMessage({ title: 'No such snapshot', detail: 'No snapshot with id x is stored.' }, '404')).toBe('No snapshot with id x is stored.');
  });

  it('spells out a validation problem field by field', () => {
    expect(problemMessage({ title: 'Invalid evidence settings', errors: { tsaUrl: ['must be an http:// or https:// address.'] } }, '400')).toBe(
      'Invalid evidence settings: tsaUrl must be an http:// or https:// address.',
    );
  });

  it('falls back to the title, then to the status line', () => {
    expect(problemMessage({ title: 'Not found' }, '404 Not Found')).toBe('Not found');
    expect(problemMessage({}, '500 Internal Server Error')).toBe('500 Internal Server Error');
  });
});

describe('signerOf', () => {
  const entry = (seq: number, kind: string, detail: string): CustodyEntry => ({
    seq,
    at: '2026-11-26T08:15:30.125Z',
    kind,
    snapshotId: 'abc',
    detail,
    previousHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  });

  it('reads the signing key of the latest stored entry', () => {
    const entries = [
      entry(1, 'snapshot.stored', '{"manifest":"aa","signingKey":"SHA256:old"}'),
      entry(2, 'note.added', '{"signingKey":"SHA256:not-this"}'),
      entry(3, 'snapshot.stored', '{"manifest":"aa","signingKey":"SHA256:new","backfilled":true}'),
    ];
    expect(signerOf(entries)).toBe('SHA256:new');
  });

  it('says nothing when no stored entry names a key or the detail is not JSON', () => {
    expect(signerOf([])).toBeNull();
    expect(signerOf([entry(1, 'snapshot.stored', 'not json'), entry(2, 'snapshot.stored', '{"signingKey":7}')])).toBeNull();
  });
});
