// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { absoluteCssUrl, cssomPieces, inlineCss } from './css-inline';
import { ResourceLoader } from './resources';

function stubFetch(files: Record<string, Blob>) {
  const fetch = vi.fn(async (url: string) => (files[url] ? new Response(files[url]) : new Response('', { status: 404 })));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('cssomPieces', () => {
  it('reads rules from the CSSOM, including ones a script inserted', () => {
    document.head.innerHTML = '<style>a { color: red; }</style>';
    const sheet = document.querySelector('style')!.sheet!;
    sheet.insertRule('.added { color: blue; }', 1);
    const pieces = cssomPieces(sheet, 'https://shop.test/order')!;
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.base).toBe('https://shop.test/order');
    expect(pieces[0]!.text).toMatch(/a \{ color: red; \}\n\.added \{ color: blue; \}/);
  });

  it('is null when the rules cannot be read', () => {
    const sheet = { href: 'https://cdn.test/x.css', get cssRules(): CSSRuleList { throw new DOMException('no', 'SecurityError'); } };
    expect(cssomPieces(sheet as unknown as CSSStyleSheet, 'https://shop.test/')).toBeNull();
  });
});

describe('inlineCss', () => {
  it("inlines url() relative to the sheet's own address", async () => {
    const fetch = stubFetch({ 'https://cdn.test/img/bg.png': new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }) });
    const css = await inlineCss([{ text: ".a { background: url('../img/bg.png') }", base: 'https://cdn.test/css/site.css' }], new ResourceLoader());
    expect(css).toBe('.a { background: url("data:image/png;base64,AQID") }');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('leaves what it cannot fetch as an absolute URL, and fragments and data: as written', async () => {
    stubFetch({});
    const loader = new ResourceLoader();
    const css = await inlineCss(
      [{ text: '.a{background:url(x\\(1\\).png)} .b{filter:url(#blur)} .c{background:url(data:image/gif;base64,R0)}', base: 'https://shop.test/s/' }],
      loader,
    );
    expect(css).toBe('.a{background:url("https://shop.test/s/x(1).png")} .b{filter:url(#blur)} .c{background:url(data:image/gif;base64,R0)}');
    expect(loader.skipped.map((s) => s.url)).toEqual(['https://shop.test/s/x(1).png']);
  });

  it('inlines an @import it had to fetch as a data: stylesheet, with its own URLs inlined', async () => {
    stubFetch({
      'https://cdn.test/css/more.css': new Blob(['.m{background:url(m.png)}'], { type: 'text/css' }),
      'https://cdn.test/css/m.png': new Blob([new Uint8Array([9])], { type: 'image/png' }),
    });
    const css = await inlineCss([{ text: '@import "more.css";', base: 'https://cdn.test/css/site.css' }], new ResourceLoader());
    const uri = /@import url\("data:text\/css;base64,([^"]+)"\);/.exec(css)?.[1];
    expect(uri).toBeDefined();
    expect(atob(uri!)).toBe('.m{background:url("data:image/png;base64,CQ==")}');
  });
});

describe('absoluteCssUrl', () => {
  it('resolves against the base', () => {
    expect(absoluteCssUrl('/f.woff2', 'https://cdn.test/a/b.css')).toBe('https://cdn.test/f.woff2');
    expect(absoluteCssUrl('#x', 'https://cdn.test/')).toBeNull();
    expect(absoluteCssUrl('', 'https://cdn.test/')).toBeNull();
  });
});
