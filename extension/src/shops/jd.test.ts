// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { factsFor, orderHintFor, pageKindOf, shopForHost } from '.';
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

describe('jd order facts', () => {
  const list = new URL('https://order.jd.com/center/list.action');
  const detail = new URL('https://details.jd.com/normal/item.action?orderid=281234567890&PassKey=3F2A9C1D7E5B4A60');
  const guard = (...selectors: string[]) => selectors.forEach((s) => document.querySelector(s)!.setAttribute('data-receiptguard', 'guarded'));

  it('reads a list block: shop link, item names, the amount line without the payment way, status and logistics', () => {
    document.body.innerHTML = `<table>
      <tbody id="tb-281200000002"><tr class="tr-th"><td><span class="number">订单号：281200000002</span>
        <span class="order-shop"><a class="shop-txt" href="//mall.jd.com/index-1.html" title="优品家居专营店">优品家居专营店</a></span></td></tr>
      <tr class="tr-bd"><td><div class="p-name"><a href="//item.jd.com/1.html">加厚收纳箱 三只装 55L</a></div></td>
        <td><div class="amount"><span>总额 ¥89.90</span><span class="ftx-13">在线支付</span></div></td>
        <td><div class="status"><span class="order-status">等待收货</span>
          <div class="order-logistics"><span class="lg-state">已签收</span> 您的快件已签收，签收人：本人</div>
          <span class="ftx-13">剩余 6天23时自动确认收货</span></div></td>
        <td><a href="#none" class="confirm" _oid="281200000002">确认收货</a></td></tr></tbody>
      <tbody id="tb-281234567999"><tr class="tr-th"><td><span class="order-shop"><span class="shop-txt">京东自营</span></span></td></tr>
      <tr class="tr-bd"><td><div class="p-name"><a>机械键盘 87键 茶轴</a></div></td><td><div class="amount"><span>总额 ¥259.00</span></div></td>
        <td><span class="order-status">等待收货</span></td><td><a href="#none" class="confirm2" _oid="281234567999">确认收货</a></td></tr></tbody></table>`;
    guard('.confirm', '.confirm2');
    const facts = factsFor(jd, document.querySelector('.confirm')!, list);
    expect(facts).toMatchObject({ orderId: '281200000002', shop: '优品家居专营店', items: ['加厚收纳箱 三只装 55L'], amount: '¥89.90', amountValue: 89.9, status: '等待收货' });
    expect(facts.logistics).toEqual({ text: '已签收 您的快件已签收，签收人：本人', delivery: 'delivered' });
    expect(facts.deadline).toEqual({ text: '剩余 6天23时', remainingMs: (6 * 24 + 23) * 3_600_000 });
    const other = factsFor(jd, document.querySelector('.confirm2')!, list);
    expect(other).toMatchObject({ shop: '京东自营', items: ['机械键盘 87键 茶轴'], amount: '¥259.00', deadline: null });
    expect(other.logistics.delivery).toBe('unknown');
  });

  it('reads the whole detail page for every one of its confirm controls', () => {
    document.body.innerHTML = `<div id="container"><div class="w">
      <div id="orderstate"><div class="state-top">订单号：281234567890</div><h3 class="state-txt">等待收货</h3>
        <div class="state-btns"><a class="confirm" href="//order.jd.com/center/confirmReceipt.action?orderid=281234567890">确认收货</a></div></div>
      <div id="track"><button type="button" class="confirm-all">确认收货</button></div>
      <div id="goods"><div class="shop-name">京东自营</div><table>
        <tr class="product-100012345678"><td><div class="p-name"><a>无线降噪蓝牙耳机</a></div></td><td class="f-price">¥369.00</td></tr>
        <tr class="product-100012345680"><td><div class="p-name"><a>充电盒保护套</a></div></td><td class="f-price">¥30.00</td></tr></table>
        <div class="goods-total">实付款：<span class="count">¥399.00</span></div></div>
      <div id="J-fixed-bar"><a href="#none" class="order-confirm" _oid="281234567890">确认收货</a></div></div></div>`;
    guard('.confirm', '.confirm-all', '.order-confirm');
    for (const selector of ['.confirm', '.confirm-all', '.order-confirm']) {
      expect(factsFor(jd, document.querySelector(selector)!, detail), selector).toMatchObject({
        orderId: '281234567890', shop: '京东自营', items: ['无线降噪蓝牙耳机', '充电盒保护套'], amount: '¥399.00', status: '等待收货',
      });
    }
  });
});
