import { describe, expect, it, vi } from 'vitest';
import { exampleSnapshot } from '../../test/fixtures';
import type { WorkerRequest } from './protocol';
import { sendSnapshot, splitIntoParts } from './send-snapshot';

describe('splitIntoParts', () => {
  it('covers the text exactly, in order', () => {
    const text = 'abcdefghij'.repeat(7);
    const parts = splitIntoParts(text, 16);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 16)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀'.repeat(20); // each emoji is two UTF-16 code units
    const parts = splitIntoParts(text, 4);
    expect(parts.join('')).toBe(text);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const part of parts) expect(loneSurrogate.test(part)).toBe(false);
  });
});

describe('sendSnapshot', () => {
  it('sends a small page in one message', async () => {
    const ask = vi.fn(async () => ({ ok: true, queued: 1, delivered: true }));
    await sendSnapshot(ask as never, exampleSnapshot);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('sends a large page as parts, then the snapshot without its html', async () => {
    const sent: WorkerRequest[] = [];
    const ask = vi.fn(async (request: WorkerRequest) => {
      sent.push(request);
      return request.kind === 'snapshot' ? { ok: true, queued: 1, delivered: false } : { ok: true };
    });
    const html = 'x'.repeat(25);
    const answer = await sendSnapshot(ask as never, { ...exampleSnapshot, html }, 10);
    expect(answer).toEqual({ ok: true, queued: 1, delivered: false });
    expect(sent.map((r) => r.kind)).toEqual(['snapshot-part', 'snapshot-part', 'snapshot-part', 'snapshot']);
    const last = sent.at(-1) as Extract<WorkerRequest, { kind: 'snapshot' }>;
    expect(last.parts).toBe(3);
    expect(last.snapshot.html).toBe('');
  });

  it('stops at the first part the worker could not keep', async () => {
    const ask = vi.fn(async () => ({ ok: false, error: 'disk full' }));
    expect(await sendSnapshot(ask as never, { ...exampleSnapshot, html: 'x'.repeat(25) }, 10)).toEqual({ ok: false, error: 'disk full' });
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
