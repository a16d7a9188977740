// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { covered } from '../../test/match-pattern';
import { factsFor, labelsFor, orderHintFor, pageKindOf, shopForHost } from '.';
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

describe('aliexpress facts', () => {
  const row = (total: string, unit = 'US $4.25x2', title = 'Custom Name Necklace, Personalized Nameplate') => `
    <div class="order-item">
      <div class="order-item-header"><span class="order-item-header-status-text">Awaiting delivery</span>
        <div class="order-item-header-right-info"><div>Order ID: 8193876610029987<span class="order-item-header-right-copy">Copy</span></div></div></div>
      <div class="order-item-store"><span class="order-item-store-name"><a href="//www.aliexpress.com/store/1101776620"><span>Name Jewelry Official Store</span></a></span></div>
      <div class="order-item-content">
        <div class="order-item-content-body"><div class="order-item-content-info">
          <div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/1005004433102276.html"><span title="${title}">${title}</span></a></div>
          <div class="order-item-content-info-number">${unit}</div></div></div>
        <div class="order-item-content-opt"><span class="order-item-content-opt-price-total">${total}</span>
          <div class="order-item-btns"><button class="c"><span>Confirm received</span></button></div></div>
      </div>
    </div>`;

  it('reads the order total, not the first unit price of the row, with the currency after the number too', () => {
    // fr.aliexpress.com: the shared reader's text patterns want the currency first, and would find no amount at all.
    document.body.innerHTML = row('Total : 8,50 €', '4,25 €x2');
    const facts = factsFor(aliexpress, document.querySelector('.c')!, LIST);
    expect(facts).toMatchObject({
      shop: 'Name Jewelry Official Store',
      items: ['Custom Name Necklace, Personalized Nameplate'],
      amount: '8,50 €',
      amountValue: 8.5,
      status: 'Awaiting delivery',
      customMade: true,
    });
  });

  // Known gaps of the shared reader (order-facts.ts): these fail today and pass once it is fixed (then make them plain
  // tests). "Custom Name Necklace", "Custom Logo …" is how AliExpress titles made-to-order goods; only "customized",
  // "custom-made" and "personalized" are understood.
  it('takes a "Custom …" title for a custom-made item', () => {
    document.body.innerHTML = row('Total:US $8.50', 'US $4.25x2', 'Custom Name Necklace Stainless Steel');
    expect(factsFor(aliexpress, document.querySelector('.c')!, LIST).customMade).toBe(true);
  });

  // Today's AliExpress prints prices one character per element (es--char--…), and
  // readableText joins text nodes with spaces, so only the first digit is read. Fails today; passes once fixed.
  it('reads a price printed one character per element', () => {
    const chars = [...'US $8.50'].map((c) => `<span class="es--char--1Z3wUdt">${c}</span>`).join('');
    document.body.innerHTML = row(`Total:<span class="es--wrap--1Hlfkoj">${chars}</span>`);
    expect(factsFor(aliexpress, document.querySelector('.c')!, LIST).amountValue).toBe(8.5);
  });
});
