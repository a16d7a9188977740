// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { orderHintFor, pageKindOf, shopForHost } from '.';
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
