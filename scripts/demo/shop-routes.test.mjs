import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderIndex } from './index-page.mjs';
import { contentTypeOf, demoUrl, hostResolverRules, loadShopRoutes, shopHosts } from './shop-routes.mjs';

const fixtures = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'shops');

describe('demo shop routes', () => {
  const { routes, pages } = loadShopRoutes(fixtures);

  it('serves every guard spec page and routes.json extra at its host and path', () => {
    expect(routes.get('buyertrade.taobao.com/trade/itemlist/list_bought_items.htm')).toMatch(/taobao[\\/]list-basic\.html$/);
    expect(routes.get('trade.taobao.com/trade/confirmGoods.htm')).toMatch(/confirm-goods\.html$/);
    // The query is not part of the key: JD's detail page is found whatever its order id says.
    expect(routes.get('details.jd.com/normal/item.action')).toMatch(/detail-parcels\.html$/);
  });

  it('lists one page per non-generic spec, the Chinese shops first', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.some((p) => p.platform === 'generic')).toBe(false);
    expect(pages[0].platform).toBe('taobao');
    const platforms = new Set(pages.map((p) => p.platform));
    for (const name of ['taobao', 'tmall', 'jd', 'pinduoduo', 'xianyu', '1688', 'vipshop', 'suning', 'dangdang', 'aliexpress', 'shopee', 'lazada']) expect(platforms).toContain(name);
  });

  it('maps every shop name but localhost to this machine', () => {
    const hosts = shopHosts(routes);
    expect(hosts).toContain('buyertrade.taobao.com');
    expect(hosts).not.toContain('localhost');
    expect(hostResolverRules(['a.example', 'b.example'])).toBe('MAP a.example 127.0.0.1, MAP b.example 127.0.0.1');
  });

  it('turns a shop address into the demo address: http, the demo port, path and query kept', () => {
    expect(demoUrl('https://details.jd.com/normal/item.action?orderid=1&PassKey=X', 47840)).toBe('http://details.jd.com:47840/normal/item.action?orderid=1&PassKey=X');
  });

  it('declares the charset the page declares', () => {
    expect(contentTypeOf('a.html', Buffer.from('<meta charset="gbk">'))).toBe('text/html; charset=gbk');
    expect(contentTypeOf('a.html', Buffer.from('<p>no meta</p>'))).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a.png', Buffer.alloc(4))).toBe('image/png');
  });
});

describe('demo index page', () => {
  it('links every page on the demo port and escapes what it prints', () => {
    const html = renderIndex({ pages: [{ platform: 'taobao', url: 'https://buyertrade.taobao.com/a?x=1&y=<2>', guarded: 1 }], port: 5000, hostUrl: 'http://127.0.0.1:47831', hostUp: false });
    expect(html).toContain('href="http://buyertrade.taobao.com:5000/a?x=1&amp;y=%3C2%3E"');
    expect(html).toContain('data-host="down"');
    expect(html).not.toContain('<2>');
  });

  it('says when the host is running', () => {
    expect(renderIndex({ pages: [], port: 1, hostUrl: 'http://127.0.0.1:47831', hostUp: true })).toContain('data-host="up"');
  });
});
