import { describe, expect, it, vi } from 'vitest';
import { bytesToBase64, formatBytes, mediaType, ResourceLoader } from './resources';

const png = (size: number) => new Blob([new Uint8Array(size).fill(7)], { type: 'image/png' });

function stubFetch(body: (url: string) => Blob | null) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
    const blob = body(url);
    return blob ? new Response(blob, { status: 200 }) : new Response('nope', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('ResourceLoader', () => {
  it('turns a fetched image into a data URI', async () => {
    stubFetch(() => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    const loader = new ResourceLoader();
    expect(await loader.dataUri('https://shop.test/a.png')).toBe('data:image/png;base64,AQID');
    expect(loader.inlinedResources).toBe(1);
    expect(loader.inlinedBytes).toBe(3);
  });

  it('fetches each URL once, sending cookies only to the page origin', async () => {
    const fetch = stubFetch(() => png(4));
    const loader = new ResourceLoader({ origin: 'https://shop.test' });
    const [a, b] = await Promise.all([loader.dataUri('https://shop.test/a.png'), loader.dataUri('https://shop.test/a.png')]);
    await loader.dataUri('https://cdn.test/b.png');
    expect(a).toBe(b);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[0]![1]).toMatchObject({ credentials: 'include', cache: 'force-cache' });
    expect((fetch.mock.calls[0]![1] as RequestInit).signal).toBeInstanceOf(AbortSignal);
    expect((fetch.mock.calls[1]![1] as RequestInit).credentials).toBe('same-origin');
  });

  it('skips a resource over the per-resource budget', async () => {
    stubFetch(() => png(11));
    const loader = new ResourceLoader({ maxResourceBytes: 10 });
    expect(await loader.dataUri('https://shop.test/big.png')).toBeNull();
    expect(loader.skipped).toEqual([{ url: 'https://shop.test/big.png', reason: 'larger than the 10 bytes per-resource budget' }]);
  });

  it('stops inlining once the total budget is spent', async () => {
    stubFetch(() => png(6));
    const loader = new ResourceLoader({ maxTotalBytes: 10, concurrency: 1 });
    expect(await loader.dataUri('https://shop.test/1.png')).not.toBeNull();
    expect(await loader.dataUri('https://shop.test/2.png')).toBeNull();
    expect(loader.skipped[0]!.reason).toContain('total budget');
    expect(loader.inlinedBytes).toBe(6);
  });

  it('asks the fallback when the page cannot fetch, and reports when neither can', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const fetchFallback = vi.fn(async (url: string) => (url.endsWith('ok.png') ? png(2) : null));
    const loader = new ResourceLoader({ fetchFallback });
    expect(await loader.dataUri('https://cdn.test/ok.png')).toBe('data:image/png;base64,Bwc=');
    expect(await loader.dataUri('https://cdn.test/gone.png')).toBeNull();
    expect(fetchFallback).toHaveBeenCalledTimes(2);
    expect(loader.skipped).toEqual([{ url: 'https://cdn.test/gone.png', reason: 'fetch failed: Failed to fetch' }]);
  });

  it('keeps data: URIs without fetching', async () => {
    const fetch = stubFetch(() => png(1));
    expect(await new ResourceLoader().dataUri('data:image/gif;base64,R0lGOD')).toBe('data:image/gif;base64,R0lGOD');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('runs at most `concurrency` fetches at once', async () => {
    let running = 0;
    let most = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return new Response(png(1));
      }),
    );
    const loader = new ResourceLoader({ concurrency: 3 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => loader.dataUri(`https://shop.test/${i}.png`)));
    expect(most).toBe(3);
    expect(loader.inlinedResources).toBe(10);
  });

  it('reads stylesheet text', async () => {
    stubFetch(() => new Blob(['a{color:red}'], { type: 'text/css' }));
    expect(await new ResourceLoader().text('https://shop.test/a.css')).toBe('a{color:red}');
  });
});

describe('formatBytes', () => {
  it('says MB, KB or bytes', () => {
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10)).toBe('10 bytes');
  });
});

describe('mediaType', () => {
  it('uses the declared type, else the extension', () => {
    expect(mediaType(new Blob([], { type: 'image/webp; charset=binary' }), 'https://x.test/a')).toBe('image/webp');
    expect(mediaType(new Blob([]), 'https://x.test/font.woff2?v=3')).toBe('font/woff2');
    expect(mediaType(new Blob([]), 'https://x.test/a')).toBe('application/octet-stream');
  });
});

describe('bytesToBase64', () => {
  it('matches Buffer for large inputs', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
