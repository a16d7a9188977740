import { describe, expect, it } from 'vitest';
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
    expect(await postSnapshot('http://127.0.0.1:1', exampleSnapshot, fetchImpl)).toEqual({ kind: 'delivered' });
    expect(seen!.url).toBe('http://127.0.0.1:1/api/snapshots');
    expect(JSON.parse(seen!.init!.body as string)).toEqual(exampleSnapshot);
  });

  it('retries when the host is unreachable or failing', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect((await postSnapshot('http://127.0.0.1:1', exampleSnapshot, down)).kind).toBe('retry');
    expect((await postSnapshot('http://127.0.0.1:1', exampleSnapshot, answer(503) as typeof fetch)).kind).toBe('retry');
  });

  it('does not retry what the host refuses, and says why', async () => {
    const result = await postSnapshot('http://127.0.0.1:1', exampleSnapshot, answer(400, { title: 'invalid', detail: "Check 'html'" }) as typeof fetch);
    expect(result).toEqual({ kind: 'rejected', error: "host answered 400: invalid: Check 'html'" });
  });
});
