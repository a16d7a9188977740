import { describe, expect, it, vi } from 'vitest';
import { authHeaders, claimPairing, clientName, normalizeCode } from './pairing';

describe('claimPairing', () => {
  it('posts the code, cleaned up, with a name, and returns the token', async () => {
    let seen: { url: string; init?: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ clientId: 'c1', token: 'secret-token' }), { status: 200 });
    }) as typeof fetch;
    expect(await claimPairing('http://127.0.0.1:1', ' abcd-efgh ', 'ReceiptGuard (Chrome)', fetchImpl)).toEqual({ ok: true, token: 'secret-token', clientId: 'c1' });
    expect(seen!.url).toBe('http://127.0.0.1:1/api/pairing/claim');
    expect(seen!.init!.method).toBe('POST');
    expect(JSON.parse(seen!.init!.body as string)).toEqual({ code: 'ABCDEFGH', name: 'ReceiptGuard (Chrome)' });
  });

  it("passes on the host's reason for a refused code", async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ title: 'Pairing code not accepted', detail: 'This pairing code has expired.' }), { status: 400 }));
    expect(await claimPairing('http://127.0.0.1:1', 'X', 'n', fetchImpl as unknown as typeof fetch)).toEqual({ ok: false, error: 'This pairing code has expired.' });
  });

  it('says when the host is not there', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const result = await claimPairing('http://127.0.0.1:1', 'X', 'n', down);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('host unreachable');
  });
});

describe('pairing helpers', () => {
  it('sends the token as a bearer credential, and nothing without one', () => {
    expect(authHeaders('t')).toEqual({ Authorization: 'Bearer t' });
    expect(authHeaders(null)).toEqual({});
  });

  it('names the browser', () => {
    expect(clientName('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('ReceiptGuard (Firefox)');
    expect(clientName('Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36')).toBe('ReceiptGuard (Chrome)');
  });

  it('reads codes typed any way', () => {
    expect(normalizeCode('abcd efgh')).toBe('ABCDEFGH');
    expect(normalizeCode('ABCD-EFGH')).toBe('ABCDEFGH');
  });
});
