import { describe, expect, it } from 'vitest';
import { capturableUrl } from './manual-capture';

describe('capturableUrl', () => {
  it('allows web pages only', () => {
    expect(capturableUrl('https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm')).toBe(true);
    expect(capturableUrl('http://chat.example.org/42')).toBe(true);
    for (const url of [undefined, '', 'chrome://settings', 'chrome-extension://abc/options.html', 'file:///home/me/a.html', 'about:blank', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/firefox/']) {
      expect(capturableUrl(url), String(url)).toBe(false);
    }
  });
});
