// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError, type DataFolderReport, type RetentionPreview } from './api';
import { formatTime } from './format';
import { bytesFromKib, captureLimits, dataSizeText, fieldMessages, kibText, retentionPreviewText, retentionQuestion, retentionSavedText } from './settings-form';

describe('kibText and bytesFromKib', () => {
  it('shows bytes as KiB and reads KiB back as bytes', () => {
    expect(kibText(2 * 1024 * 1024)).toBe('2048');
    expect(kibText(1024)).toBe('1');
    expect(kibText(1536)).toBe('1.5');
    expect(kibText(1000)).toBe('0.977');
    expect(bytesFromKib('2048')).toBe(2 * 1024 * 1024);
    expect(bytesFromKib(' 1.5 ')).toBe(1536);
    expect(bytesFromKib(kibText(captureLimits.maxBytes))).toBe(captureLimits.maxBytes);
  });

  it('reads nothing from text that is not a plain number, so nothing is sent for it', () => {
    for (const text of ['', ' ', 'abc', '-1', '1e3', '2 MiB', '1,5', 'Infinity', '.5']) expect(bytesFromKib(text)).toBeNull();
  });

  it('mirrors the host limits', () => {
    expect(captureLimits).toEqual({ minBytes: 1024, maxBytes: 33554432, defaultResourceBytes: 2097152, defaultTotalBytes: 20971520 });
  });
});

describe('fieldMessages', () => {
  it('puts each named field next to its input and the rest on the form', () => {
    const failure = new ApiError(400, 'The settings are incomplete or invalid', {
      maxTotalBytes: ['must be at most 33554432 (32 MiB).'],
      body: ['must be a JSON object.'],
    });
    expect(fieldMessages(failure, ['maxResourceBytes', 'maxTotalBytes'])).toEqual({
      fields: { maxTotalBytes: 'must be at most 33554432 (32 MiB).' },
      other: 'body must be a JSON object.',
    });
  });

  it('leaves the form message empty when every complaint has its field', () => {
    const failure = new ApiError(400, 'Invalid retention setting', { days: ['must be a whole number of days from 30 to 3650.', 'really.'] });
    expect(fieldMessages(failure, ['days'])).toEqual({ fields: { days: 'must be a whole number of days from 30 to 3650. really.' }, other: null });
  });

  it('gives the message of a failure without fields, or of one that is not from the host', () => {
    expect(fieldMessages(new ApiError(500, 'Internal Server Error'), ['days'])).toEqual({ fields: {}, other: 'Internal Server Error' });
    expect(fieldMessages(new TypeError('Failed to fetch'), ['days'])).toEqual({ fields: {}, other: 'Failed to fetch' });
    expect(fieldMessages('odd', ['days'])).toEqual({ fields: {}, other: 'odd' });
  });
});

describe('retention words', () => {
  const before = '2026-03-01T08:00:00.000Z';
  const preview = (change: Partial<RetentionPreview>): RetentionPreview => ({ days: 30, receivedBefore: before, wouldDelete: 0, keptForNotes: 0, ...change });

  it('says what a limit would delete now and what notes keep', () => {
    expect(retentionPreviewText(preview({ wouldDelete: 3 }))).toBe(`With this limit 3 snapshot(s) received before ${formatTime(before)} would be deleted now.`);
    expect(retentionPreviewText(preview({ wouldDelete: 3, keptForNotes: 2 }))).toBe(
      `With this limit 3 snapshot(s) received before ${formatTime(before)} would be deleted now. 2 older snapshot(s) with a note would be kept.`,
    );
    expect(retentionPreviewText(preview({}))).toBe('With this limit nothing would be deleted now.');
    expect(retentionPreviewText(preview({ keptForNotes: 1 }))).toBe('With this limit nothing would be deleted now. 1 older snapshot(s) with a note would be kept.');
    expect(retentionPreviewText({ days: null, receivedBefore: null, wouldDelete: 0, keptForNotes: 0 })).toBe('Nothing is deleted.');
  });

  it('asks before a save that deletes, and only then', () => {
    expect(retentionQuestion(preview({ wouldDelete: 4, days: 90 }))).toBe(
      `Delete 4 snapshot(s) received before ${formatTime(before)} now, and keep snapshots for 90 days from now on? This cannot be undone; the custody log records each deletion.`,
    );
    expect(retentionQuestion(preview({ wouldDelete: 0, keptForNotes: 5 }))).toBeNull();
    expect(retentionQuestion({ days: null, receivedBefore: null, wouldDelete: 0, keptForNotes: 0 })).toBeNull();
  });

  it('says how many went on saving', () => {
    expect(retentionSavedText({ days: 30, minDays: 30, maxDays: 3650, deleted: 2 })).toBe('Saved. 2 snapshot(s) deleted.');
    expect(retentionSavedText({ days: null, minDays: 30, maxDays: 3650, deleted: 0 })).toBe('Saved.');
  });
});

describe('dataSizeText', () => {
  it('gives the total and its parts', () => {
    const report: DataFolderReport = {
      root: '/data',
      database: '/data/receiptguard.db',
      artifacts: '/data/artifacts',
      keys: '/data/keys',
      totalBytes: 5 * 1024 * 1024,
      databaseBytes: 512 * 1024,
      artifactsBytes: 4 * 1024 * 1024,
      artifactFiles: 12,
      snapshots: 3,
    };
    expect(dataSizeText(report)).toBe('5.0 MB in all: database 512.0 KB, files 4.0 MB (12 files)');
  });
});
