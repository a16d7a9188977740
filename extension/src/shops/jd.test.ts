// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { orderHintFor, pageKindOf, shopForHost } from '.';
import { jd } from './jd';

const kind = (url: string) => pageKindOf(jd, new URL(url));

function controlIn(html: string, selector = '.confirm'): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe('jd pages', () => {
  it.each([
    ['https://order.jd.com/center/list.action', 'list'],
    ['https://order.jd.com/center/list.action?d=2&s=128&page=2', 'list'],
    ['https://wqs.jd.com/order/orderlist_merge.shtml?tab=1&ptag=7155.1.11&sceneval=2', 'list'],
    ['https://trade.m.jd.com/order/orderlist_jdm.shtml?sceneval=2&orderType=waitReceipt', 'list'],
    ['https://details.jd.com/normal/item.action?orderid=281234567890&PassKey=3F2A9C1D7E5B4A60', 'detail'],
    ['https://order.jd.com/center/item.action?orderid=281234567890', 'detail'],
    ['https://wqs.jd.com/order/n_detail_v2.shtml?deal_id=281234567890&sceneval=2', 'detail'],
    ['https://trade.m.jd.com/order/n_detail_jdm.shtml?deal_id=281234567890', 'detail'],
    ['https://trade.m.jd.com/order/deal_wuliu_jdm.shtml?from=orderdetail&dealId=281234567890', 'logistics'],
  ])('%s is a %s page', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    'https://item.jd.com/100012345678.html',
    'https://order.jd.com/center/recycle.action',
    'https://cart.jd.com/cart_index',
    'https://wqs.jd.com/order/s_confirm_miao.shtml',
    'https://details.jd.com/lazy/getOrderTrackInfoMultiPackage.action',
  ])('%s is no order page', (url) => expect(kind(url)).toBeNull());

  it('belongs to jd on its own hosts only', () => {
    for (const host of ['order.jd.com', 'details.jd.com', 'wqs.jd.com', 'trade.m.jd.com', 'ORDER.JD.COM']) expect(shopForHost(host)?.id).toBe('jd');
    for (const host of ['jd.com.evil.example', 'notjd.com', 'order-jd.com', 'jd.co', 'order.jd.com.cn']) expect(shopForHost(host)).toBeUndefined();
  });

  it('matches only order, detail and mobile order paths', () => {
    expect(jd.matches).toEqual(['*://order.jd.com/*', '*://details.jd.com/*', '*://wqs.jd.com/order/*', '*://trade.m.jd.com/order/*']);
  });
});

describe('jd order id', () => {
  const list = new URL('https://order.jd.com/center/list.action');

  it('reads the tb-<id> block, not the split parent nor the numbers in the row', () => {
    const control = controlIn(`
      <table><tbody id="parent-281200000001"><tr><td>订单号：281200000001</td></tr></tbody>
      <tbody id="tb-281200000002" class="split-tbody parent-281200000001"><tr><td>订单号：281200000001 ¥89.90
        <a href="#none" class="confirm">确认收货</a></td></tr></tbody></table>`);
    expect(orderHintFor(jd, control, list)).toBe('281200000002');
  });

  it('reads _oid when the block id is not a number', () => {
    const control = controlIn(`<table><tbody id="tb-template"><tr><td><a href="#none" class="confirm" _oid="281234567999">确认收货</a></td></tr></tbody></table>`);
    expect(orderHintFor(jd, control, list)).toBe('281234567999');
  });

  it('reads orderid or the mobile deal_id from the link', () => {
    expect(orderHintFor(jd, controlIn(`<a class="confirm" href="//order.jd.com/center/confirmReceipt.action?orderid=281234567890">确认收货</a>`), list)).toBe('281234567890');
    expect(orderHintFor(jd, controlIn(`<a class="confirm" href="/order/confirm.shtml?deal_id=281234567891">确认收货</a>`), new URL('https://wqs.jd.com/order/orderlist_merge.shtml'))).toBe('281234567891');
  });

  it('reads the detail page address (PC orderid, mobile deal_id)', () => {
    const button = () => controlIn(`<div><p>货运单号：JDVC00012345678</p><button class="confirm">确认收货</button></div>`);
    expect(orderHintFor(jd, button(), new URL('https://details.jd.com/normal/item.action?orderid=281234567890&PassKey=AB'))).toBe('281234567890');
    expect(orderHintFor(jd, button(), new URL('https://wqs.jd.com/order/n_detail_v2.shtml?deal_id=281234567892&sceneval=2'))).toBe('281234567892');
  });

  it('says nothing rather than guess a waybill number', () => {
    const control = controlIn(`<div><p>货运单号：JDVC00012345678</p><a href="#none" class="confirm">确认收货</a></div>`);
    expect(orderHintFor(jd, control, list)).toBeNull();
  });
});
