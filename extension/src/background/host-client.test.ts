import { describe, expect, it, vi } from 'vitest';
import { exampleSnapshot } from '../../test/fixtures';
import { postSnapshot } from './host-client';

const answer = (status: number, body: unknown = {}) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('postSnapshot', () => {
  it('posts JSON to /api/snapshots', async () => {
    let seen: { url: string; init?: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      seen = { url, init };
      return new Response('{}', { status: 201 });
    }) as typeof fetch;
    expect(await postSnapshot('http://127.0.0.1:1', exampleSnapshot, fetchImpl, 'tok')).toEqual({ kind: 'delivered' });
    expect(seen!.url).toBe('http://127.0.0.1:1/api/snapshots');
    expect((seen!.init!.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(JSON.parse(seen!.init!.body as string)).toEqual(exampleSnapshot);
  });

  it('retries when the host is unreachable or failing', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await postSnapshot('http://127.0.0.1:1', exampleSnapshot, down, 'tok')).kind).toBe('retry');
    expect((await postSnapshot('http://127.0.0.1:1', exampleSnapshot, answer(503) as typeof fetch, 'tok')).kind).toBe('retry');
  });

  it('does not retry what the host refuses, and says why', async () => {
    const result = await postSnapshot('http://127.0.0.1:1', exampleSnapshot, answer(400, { title: 'invalid', detail: "Check 'html'" }) as typeof fetch, 'tok');
    expect(result).toEqual({ kind: 'rejected', error: "host answered 400: invalid: Check 'html'" });
  });

  it('waits for pairing on a 401 instead of giving the snapshot up', async () => {
    const result = await postSnapshot('http://127.0.0.1:1', exampleSnapshot, answer(401, { title: 'Not paired', detail: 'revoked' }) as typeof fetch, 'old');
    expect(result).toEqual({ kind: 'unpaired', error: 'host answered 401: Not paired: revoked' });
  });

  it('does not call the host at all before pairing', async () => {
    const fetchImpl = vi.fn();
    expect((await postSnapshot('http://127.0.0.1:1', exampleSnapshot, fetchImpl as unknown as typeof fetch, null)).kind).toBe('unpaired');
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
