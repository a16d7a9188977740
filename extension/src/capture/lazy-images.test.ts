// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { imageUrl, isPlaceholder, largestCandidate, parseSrcset } from './lazy-images';

const base = 'https://shop.test/order/1';

function img(html: string, state?: { complete: boolean; naturalWidth: number; currentSrc?: string }): HTMLImageElement {
  document.body.innerHTML = html;
  const element = document.querySelector('img')!;
  if (state) for (const [key, value] of Object.entries(state)) Object.defineProperty(element, key, { value });
  return element;
}

describe('imageUrl', () => {
  it('uses the loaded source of a loaded image', () => {
    const element = img('<img src="a.jpg" data-src="b.jpg">', { complete: true, naturalWidth: 400, currentSrc: 'https://shop.test/order/a@2x.jpg' });
    expect(imageUrl(element, base)).toBe('https://shop.test/order/a@2x.jpg');
  });

  it('takes the real address from data-src while the placeholder shows', () => {
    const element = img('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/item.jpg">', { complete: true, naturalWidth: 1 });
    expect(imageUrl(element, base)).toBe('https://shop.test/img/item.jpg');
  });

  it("reads Taobao's data-ks-lazyload, protocol-relative", () => {
    const element = img('<img src="//g.alicdn.com/s.gif" data-ks-lazyload="//img.alicdn.com/item.jpg">', { complete: false, naturalWidth: 0 });
    expect(imageUrl(element, base)).toBe('https://img.alicdn.com/item.jpg');
  });

  it('picks the largest data-srcset candidate when nothing else says', () => {
    const element = img('<img data-srcset="s.jpg 320w, l.jpg 1280w, m.jpg 640w">', { complete: false, naturalWidth: 0 });
    expect(imageUrl(element, base)).toBe('https://shop.test/order/l.jpg');
  });

  it('uses src of an image not loaded yet (loading=lazy)', () => {
    const element = img('<img loading="lazy" src="/p.png">', { complete: false, naturalWidth: 0, currentSrc: '' });
    expect(imageUrl(element, base)).toBe('https://shop.test/p.png');
  });

  it('is null for an image with no address', () => {
    expect(imageUrl(img('<img alt="x">', { complete: false, naturalWidth: 0 }), base)).toBeNull();
  });
});

describe('srcset', () => {
  it('parses widths, densities and URLs with commas', () => {
    expect(parseSrcset('a.jpg 1x, b,c.jpg 2x,d.jpg, e.jpg,')).toEqual([
      { url: 'a.jpg', size: 10_000 },
      { url: 'b,c.jpg', size: 20_000 },
      { url: 'd.jpg', size: 10_000 },
      { url: 'e.jpg', size: 10_000 },
    ]);
    expect(largestCandidate('a.jpg 100w, b.jpg 900w', base)).toBe('https://shop.test/order/b.jpg');
  });
});

describe('isPlaceholder', () => {
  it.each(['data:image/gif;base64,R0lGOD', 'https://cdn.test/img/blank.gif', 'https://cdn.test/lazyload.png', ''])('%j is one', (url) =>
    expect(isPlaceholder(url)).toBe(true),
  );
  it.each(['https://cdn.test/item_800x800.jpg', `data:image/png;base64,${'A'.repeat(300)}`])('%j is not', (url) =>
    expect(isPlaceholder(url)).toBe(false),
  );
});
