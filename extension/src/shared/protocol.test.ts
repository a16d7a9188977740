import { describe, expect, it } from 'vitest';
import { exampleSnapshot } from '../../test/fixtures';
import { isSnapshotV1, isWorkerRequest } from './protocol';

describe('protocol v1', () => {
  it('accepts the shared example', () => {
    expect(isSnapshotV1(exampleSnapshot)).toBe(true);
    expect(isWorkerRequest({ kind: 'snapshot', snapshot: exampleSnapshot })).toBe(true);
  });

  it('rejects a snapshot with a missing or wrong field', () => {
    const { html: _html, ...withoutHtml } = exampleSnapshot;
    expect(isSnapshotV1(withoutHtml)).toBe(false);
    expect(isSnapshotV1({ ...exampleSnapshot, decision: 'maybe' })).toBe(false);
    expect(isSnapshotV1({ ...exampleSnapshot, v: 2 })).toBe(false);
  });

  it('ignores messages that are not requests', () => {
    expect(isWorkerRequest(null)).toBe(false);
    expect(isWorkerRequest({ kind: 'unknown' })).toBe(false);
  });
});
