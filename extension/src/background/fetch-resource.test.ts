import { describe, expect, it, vi } from 'vitest';
import { bytesToBase64, fetchResource, isFetchableUrl } from './fetch-resource';

describe('isFetchableUrl', () => {
  it('allows public http(s) only', () => {
    expect(isFetchableUrl('https://img.alicdn.com/a.jpg')).toBe(true);
    expect(isFetchableUrl('http://203.0.113.9/a.png')).toBe(true);
    for (const href of ['http://127.0.0.1:47831/api/snapshots', 'http://localhost/x', 'http://[::1]/', 'http://192.168.1.1/', 'http://10.0.0.2/', 'http://172.20.1.1/', 'file:///etc/passwd', 'chrome://settings', 'nonsense']) {
      expect(isFetchableUrl(href), href).toBe(false);
    }
  });
});

describe('fetchResource', () => {
  const answer = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
    vi.fn(async () => new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png; charset=binary', ...headers } })) as unknown as typeof fetch;

  it('returns a data URL with the served type', async () => {
    const result = await fetchResource('https://cdn.example/a.png', 100, answer(new Uint8Array([1, 2, 3])));
    expect(result).toEqual({ dataUrl: 'data:image/png;base64,AQID', error: null });
  });

  it('refuses what is over budget', async () => {
    expect((await fetchResource('https://cdn.example/a.png', 2, answer(new Uint8Array([1, 2, 3])))).error).toMatch(/budget/);
    expect((await fetchResource('https://cdn.example/a.png', 2, answer(new Uint8Array([1]), { 'Content-Length': '99' })))).toMatchObject({ dataUrl: null });
  });

  it('reports failures instead of throwing', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect((await fetchResource('https://cdn.example/a.png', 10, down)).error).toMatch(/Failed to fetch/);
    const missing = vi.fn(async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    expect((await fetchResource('https://cdn.example/a.png', 10, missing)).error).toBe('answered 404');
    expect((await fetchResource('http://127.0.0.1/a.png', 10, missing)).error).toMatch(/public/);
  });
});

describe('bytesToBase64', () => {
  it('handles inputs larger than one slice', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
