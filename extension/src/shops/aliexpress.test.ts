// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { covered } from '../../test/match-pattern';
import { labelsFor, orderHintFor, pageKindOf, shopForHost } from '.';
import { aliexpress, orderIdFromHeader, orderIdFromLink } from './aliexpress';
import { defaultOrderId } from './order-id';

describe('aliexpress pages', () => {
  it.each([
    ['https://www.aliexpress.com/p/order/index.html', 'list'],
    ['https://www.aliexpress.com/p/order/index.html?spm=a2g0o.home.headerAcount.2', 'list'],
    ['https://es.aliexpress.com/p/order/index.html', 'list'],
    ['https://www.aliexpress.us/p/order/index.html', 'list'],
    ['https://trade.aliexpress.com/orderList.htm', 'list'],
    ['https://trade.aliexpress.ru/orderList.htm', 'list'],
    ['https://aliexpress.ru/order-list', 'list'],
    ['https://aliexpress.ru/order-list?filterName=active', 'list'],
    ['https://www.aliexpress.com/p/order/detail.html?orderId=8194127730561024', 'detail'],
    ['https://www.aliexpress.us/p/order/detail.html?orderId=8194127730561024', 'detail'],
    ['https://trade.aliexpress.com/order_detail.htm?orderId=8194127730561024', 'detail'],
    ['https://aliexpress.ru/order-list/5550677229097566?filterName=archive', 'detail'],
    ['https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8194127730561024', 'logistics'],
    ['https://www.aliexpress.us/p/tracking/index.html?tradeOrderId=8194127730561024', 'logistics'],
    ['https://track.aliexpress.com/logisticsdetail.htm?tradeId=8194127730561024', 'logistics'],
  ])('%s is %s, and the content script runs there', (href, kind) => {
    const url = new URL(href);
    expect(shopForHost(url.hostname)?.id).toBe('aliexpress');
    expect(pageKindOf(aliexpress, url)).toBe(kind);
    expect(covered(aliexpress.matches, href)).toBe(true);
  });

  it('stays off product pages and every look-alike', () => {
    expect(pageKindOf(aliexpress, new URL('https://www.aliexpress.com/item/1005006712093847.html'))).toBeNull();
    expect(covered(aliexpress.matches, 'https://www.aliexpress.com/item/1005006712093847.html')).toBe(false);
    expect(covered(aliexpress.matches, 'https://aliexpress.ru/item/1005006712093847.html')).toBe(false);
    for (const host of ['aliexpress.com.evil.example', 'www.aliexpress.com.evil.example', 'myaliexpress.com', 'aliexpress-us.com', 'aliexpress.com.ru', 'notaliexpress.ru']) {
      expect(shopForHost(host), host).toBeUndefined();
      expect(pageKindOf(aliexpress, new URL(`https://${host}/p/order/index.html`)), host).toBeNull();
    }
    expect(pageKindOf(aliexpress, new URL('https://evilaliexpress.com/p/order/index.html'))).toBeNull();
    expect(covered(aliexpress.matches, 'https://www.aliexpress.com.evil.example/p/order/index.html')).toBe(false);
  });

  it('knows the older wordings of the button, and nothing near it', () => {
    const labels = labelsFor(aliexpress);
    for (const text of ['Confirm received', 'Confirm Order Received', 'Confirm Goods Received']) expect(labels.matches(text), text).toBe(true);
    for (const text of ['Track order', 'Open dispute', 'Order received on Oct 14, 2026', 'Confirm delivery address']) {
      expect(labels.matches(text), text).toBe(false);
    }
  });
});

const LIST = new URL('https://www.aliexpress.com/p/order/index.html');
const hint = (selector: string, page = LIST) => orderHintFor(aliexpress, document.querySelector(selector)!, page);

const item = (id: string, button: string) => `
  <div class="order-item">
    <div class="order-item-header"><div class="order-item-header-right-info">
      <div>Order date: Nov 3, 2026</div><div>Order ID: ${id}<span class="order-item-header-right-copy">Copy</span></div>
    </div></div>
    <div class="order-item-btns">${button}</div>
  </div>`;

describe('aliexpress order id', () => {
  it('reads the digits of "Order ID: …Copy" in the row header, where the copy button follows the digits', () => {
    document.body.innerHTML = item('8194127730561024', '<button class="c"><span>Confirm received</span></button>') + item('8194098812347765', '');
    expect(hint('.c')).toBe('8194127730561024');
    // The generic reader agrees: it reads text node by node, so "Copy" is not glued to the digits.
    expect(defaultOrderId(document.querySelector('.c')!, LIST, '.order-item')).toBe('8194127730561024');
  });

  it('prefers the control’s own link: orderId, tradeOrderId or an aliexpress.ru order path', () => {
    document.body.innerHTML = item('8194127730561024', '<a class="c" target="_blank" href="//www.aliexpress.com/p/order/detail.html?orderId=8194098812347765">Confirm received</a>');
    expect(hint('.c')).toBe('8194098812347765');
    expect(orderIdFromLink('/p/tracking/index.html?tradeOrderId=8193876610029987', LIST.href)).toBe('8193876610029987');
    expect(orderIdFromLink('https://aliexpress.ru/order-list/5550677229097566?filterName=archive', LIST.href)).toBe('5550677229097566');
    expect(orderIdFromLink('https://aliexpress.com.evil.example/order-list/5550677229097566', LIST.href)).toBeNull();
    expect(orderIdFromLink('//www.aliexpress.com/item/1005006712093847.html', LIST.href)).toBeNull();
  });

  it('falls back to the one order the row links to, and gives none when it links to two', () => {
    document.body.innerHTML = `<div class="order-item"><a href="/p/order/detail.html?orderId=8193876610029987">Order details</a>
      <button class="c">Confirm received</button></div>`;
    expect(hint('.c')).toBe('8193876610029987');
    document.body.innerHTML = `<div class="order-item"><a href="/p/order/detail.html?orderId=8193876610029987">a</a>
      <a href="/p/order/detail.html?orderId=8193876610020000">b</a><button class="c">Confirm received</button></div>`;
    expect(hint('.c')).toBeNull();
  });

  it('reads the detail and tracking page addresses', () => {
    document.body.innerHTML = '<div class="order-detail-btns"><button class="c">Confirm received</button></div>';
    expect(hint('.c', new URL('https://www.aliexpress.com/p/order/detail.html?orderId=8194127730561024'))).toBe('8194127730561024');
    expect(hint('.c', new URL('https://www.aliexpress.us/p/tracking/index.html?tradeOrderId=8194127730561024'))).toBe('8194127730561024');
    expect(hint('.c', new URL('https://aliexpress.ru/order-list/5550677229097566'))).toBe('5550677229097566');
    expect(hint('.c', LIST)).toBeNull();
  });

  it('reads only whole digit runs after the label', () => {
    expect(orderIdFromHeader('Order date: Nov 3, 2026 Order ID: 8194127730561024Copy')).toBe('8194127730561024');
    expect(orderIdFromHeader('Order ID：8194127730561024 Copy')).toBe('8194127730561024');
    expect(orderIdFromHeader('Order ID: 12345 Copy')).toBeNull();
    expect(orderIdFromHeader('Order date: Nov 3, 2026')).toBeNull();
    expect(orderIdFromHeader(null)).toBeNull();
  });
});
