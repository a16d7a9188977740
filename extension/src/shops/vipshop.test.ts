// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { factsFor, orderHintFor, pageKindOf, shopForHost } from '.';
import { defaultOrderId } from './order-id';
import { vipshop } from './vipshop';

const kind = (url: string) => pageKindOf(vipshop, new URL(url));

function controlIn(html: string, selector = '.confirm'): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe('vipshop pages', () => {
  it.each([
    ['https://order.vip.com/order/orderlist', 'list'],
    ['https://order.vip.com/order/orderlist?tabChannel=unreceive', 'list'],
    ['https://m.vip.com/user-order-list-unreceive.html', 'list'],
    ['https://m.vip.com/user-order-list-more.html', 'list'],
    ['https://order.vip.com/detail/index?ordersn=24111812345678', 'detail'],
  ])('%s is a %s page', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    'https://www.vip.com/',
    'https://detail.vip.com/detail-1234567-6912345678901.html',
    'https://order.vip.com/order/getOrderListTab?tabChannel=all',
    'https://m.vip.com/user-order-list-unreceive.html.evil',
  ])('%s is no order page', (url) => expect(kind(url)).toBeNull());

  it('belongs to vipshop on its own hosts only', () => {
    for (const host of ['order.vip.com', 'm.vip.com']) expect(shopForHost(host)?.id).toBe('vipshop');
    for (const host of ['vip.com.evil.example', 'notvip.com', 'vip.co', 'order-vip.com', 'vipshop.com']) expect(shopForHost(host)).toBeUndefined();
  });

  it('runs on the order host and the mobile order pages only', () => expect(vipshop.matches).toEqual(['*://order.vip.com/*', '*://m.vip.com/user-order*']));
});

describe('vipshop order id', () => {
  const list = new URL('https://order.vip.com/order/orderlist');
  const row = (control: string) => `
    <table class="m-table"><tbody data-orderid="6001234501" data-ordersn="24111812345678">
      <tr class="order-hd"><td>订单编号：24111812345678</td></tr><tr class="order-bd"><td>${control}</td></tr>
    </tbody></table>`;

  it('reads the order sn the buyer sees, not the internal data-orderid', () => {
    const control = controlIn(row(`<a class="confirm" href="javascript:;" role="button">确认收货</a>`));
    expect(orderHintFor(vipshop, control, list)).toBe('24111812345678');
    // The generic reading would take the internal id: why the module reads the sn itself.
    expect(defaultOrderId(control, list, 'tbody')).toBe('6001234501');
  });

  it("prefers the control's own data-ordersn", () => {
    const control = controlIn(row(`<a class="confirm" data-ordersn="24111812349999" href="javascript:;">确认收货</a>`));
    expect(orderHintFor(vipshop, control, list)).toBe('24111812349999');
  });

  it('reads ordersn from a link, then the row text, then the detail page address', () => {
    expect(orderHintFor(vipshop, controlIn(`<a class="confirm" href="//order.vip.com/order/confirmReceive?ordersn=24111712340001">确认收货</a>`), list)).toBe('24111712340001');
    expect(orderHintFor(vipshop, controlIn(`<table><tbody><tr><td>订单编号：24111712340002</td><td><a class="confirm" href="javascript:;">确认收货</a></td></tr></tbody></table>`), list)).toBe('24111712340002');
    expect(orderHintFor(vipshop, controlIn(`<div><a class="confirm" href="javascript:;">确认收货</a></div>`), new URL('https://order.vip.com/detail/index?ordersn=24111712340003'))).toBe('24111712340003');
  });

  it('says nothing for a control outside any order', () => {
    expect(orderHintFor(vipshop, controlIn(`<div><a class="confirm" href="javascript:;">确认收货</a></div>`), list)).toBeNull();
  });
});

describe('vipshop order facts', () => {
  const list = new URL('https://order.vip.com/order/orderlist');
  const row = (sn: string, header: string, status: string) => `<tbody data-orderid="1" data-ordersn="${sn}">
    <tr class="order-hd"><td><span class="num">订单编号：<a href="//order.vip.com/detail/index?ordersn=${sn}">${sn}</a></span>${header}</td></tr>
    <tr class="order-bd"><td class="order-goods"><a class="name">羊毛混纺圆领针织衫 灰色 L</a> ×2</td><td class="order-price"><strong>¥199.00</strong></td>
      <td class="order-state"><span class="green">${status}</span></td><td><a class="J_confirmSign" data-ordersn="${sn}" href="javascript:;">确认收货</a></td></tr></tbody>`;

  it('reads the 实付金额, not the unit price, and the shop after the order number', () => {
    document.body.innerHTML = `<table>${row('24111812345678', '<span class="num">唯品自营</span><span class="order-total">实付金额：<b>¥398.00</b></span>', '已发货')}
      ${row('24111512349999', '<span class="order-gen-date">2026-11-15 08:02:57</span>', '已签收')}</table>`;
    const [first, second] = [...document.querySelectorAll('.J_confirmSign')];
    for (const control of [first!, second!]) control.setAttribute('data-receiptguard', 'guarded');
    expect(factsFor(vipshop, first!, list)).toMatchObject({ orderId: '24111812345678', shop: '唯品自营', items: ['羊毛混纺圆领针织衫 灰色 L'], amount: '¥398.00', status: '已发货' });
    const signed = factsFor(vipshop, second!, list);
    expect(signed).toMatchObject({ shop: null, status: '已签收' });
    expect(signed.logistics.delivery).toBe('delivered');
  });
});
