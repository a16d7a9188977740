// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { composedParent, defaultOrderId, orderIdFromText, orderIdFromUrl, orderIdNearby, readableText } from './order-id';

const page = new URL('https://shop.example/orders');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('orderIdFromUrl', () => {
  it.each([
    ['//trade.taobao.com/trade/confirmGoods.htm?biz_order_id=3312345678901234567', '3312345678901234567'],
    ['/order.html?order_sn=261110-775212345678901', '261110-775212345678901'],
    ['detail.html?orderId=8194127730561024&x=1', '8194127730561024'],
  ])('%s → %s', (href, id) => expect(orderIdFromUrl(href, page.href)).toBe(id));

  it('ignores ids too short or with odd characters, and unrelated parameters', () => {
    expect(orderIdFromUrl('/c?orderId=12', page.href)).toBeNull();
    expect(orderIdFromUrl('/c?orderId=<script>', page.href)).toBeNull();
    expect(orderIdFromUrl('/item?id=1234567890', page.href)).toBeNull();
    expect(orderIdFromUrl(null, page.href)).toBeNull();
  });
});

describe('orderIdFromText', () => {
  it.each([
    ['订单号：3312345678901234567', '3312345678901234567'],
    ['订单编号: 2856041973380123456 成交时间', '2856041973380123456'],
    ['Order ID: ORD-2026-0002 · Example Store', 'ORD-2026-0002'],
    ['Order No. 40211876543210', '40211876543210'],
    ['注文番号 ORD-2026-0006', 'ORD-2026-0006'],
    ['주문번호 ORD-2026-0007', 'ORD-2026-0007'],
  ])('%s → %s', (text, id) => expect(orderIdFromText(text)).toBe(id));

  it('finds nothing in text without an order label', () => expect(orderIdFromText('运单号 75312345678901')).toBeNull());
});

describe('readableText', () => {
  it('keeps the texts of separate nodes apart, so an id is not glued to the next word', () => {
    document.body.innerHTML = '<div id="row"><span>Order #402118765432104</span><span>Placed on 2 Nov</span><script>x=1</script></div>';
    const row = document.getElementById('row')!;
    expect(orderIdFromText(row.textContent)).toBe('402118765432104Placed');
    expect(orderIdFromText(readableText(row))).toBe('402118765432104');
  });
});

describe('orderIdNearby and defaultOrderId', () => {
  it('prefers the control’s own link, then its row, then nearby text, then the page address', () => {
    document.body.innerHTML = `
      <div class="row" data-order-id="111111111"><a id="linked" href="/c?orderId=222222222">确认收货</a><button id="plain">确认收货</button></div>
      <section><p>订单号：333333333</p><div><button id="nearby">确认收货</button></div></section>
      <button id="lonely">确认收货</button>`;
    const $ = (id: string) => document.getElementById(id)!;
    // As on a live page, where the scanner has marked every control.
    for (const id of ['linked', 'plain', 'nearby', 'lonely']) $(id).setAttribute('data-receiptguard', 'guarded');
    expect(defaultOrderId($('linked'), page, '.row')).toBe('222222222');
    expect(defaultOrderId($('plain'), page, '.row')).toBe('111111111');
    expect(defaultOrderId($('nearby'), page)).toBe('333333333');
    expect(defaultOrderId($('lonely'), new URL('https://shop.example/detail?orderId=444444444'))).toBe('444444444');
    expect(defaultOrderId($('lonely'), page)).toBeNull();
  });

  it('climbs out of a shadow root to find the order its host belongs to', () => {
    document.body.innerHTML = '<section><h2>订单号：ORD-2026-0007</h2><div id="host"></div></section>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button id="inner">구매확정</button>';
    const inner = shadow.getElementById('inner')!;
    expect(composedParent(inner)).toBe(document.getElementById('host'));
    expect(orderIdNearby(inner)).toBe('ORD-2026-0007');
  });

  it('gives up on a huge ancestor rather than taking an id from somewhere else on the page', () => {
    document.body.innerHTML = `<div><p>订单号：999999999</p>${'<p>商品名称</p>'.repeat(600)}<div><div><button id="b">确认收货</button></div></div></div>`;
    expect(orderIdNearby(document.getElementById('b')!)).toBeNull();
  });
});
