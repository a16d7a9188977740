// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { factsFor, orderHintFor, pageKindOf, shopForHost } from '.';
import { dangdang } from './dangdang';

const kind = (url: string) => pageKindOf(dangdang, new URL(url));

function controlIn(html: string, selector = '.confirm'): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe('dangdang pages', () => {
  it.each([
    ['http://myhome.dangdang.com/myOrder', 'list'],
    ['https://myhome.dangdang.com/myOrder/', 'list'],
    ['http://myhome.dangdang.com/myOrder/list?searchType=1&statusCondition=3&timeCondition=4&pageCurrent=2', 'list'],
    ['http://order.dangdang.com/orderdetails.aspx?orderid=41234567890#bg41234567890', 'detail'],
  ])('%s is a %s page', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    'http://myhome.dangdang.com/',
    'http://myhome.dangdang.com/myAuction',
    'http://product.dangdang.com/29123456.html',
    'http://myhome.dangdang.com/myOrderRecycle',
  ])('%s is no order page', (url) => expect(kind(url)).toBeNull());

  it('belongs to dangdang on its own hosts only', () => {
    for (const host of ['myhome.dangdang.com', 'order.dangdang.com']) expect(shopForHost(host)?.id).toBe('dangdang');
    for (const host of ['dangdang.com.evil.example', 'mydangdang.com', 'dangdang.co', 'myhome-dangdang.com']) expect(shopForHost(host)).toBeUndefined();
  });

  it('runs on the order pages, not the whole site', () => expect(dangdang.matches).toEqual(['*://myhome.dangdang.com/*', '*://order.dangdang.com/*']));
});

describe('dangdang order id', () => {
  const list = new URL('https://myhome.dangdang.com/myOrder');

  it("reads the order block's order_id for a javascript: confirm link", () => {
    const control = controlIn(`
      <div class="order_show" order_id="41234567890"><span>订单号：</span><a href="#">41234567890</a>
      <a class="confirm" href="javascript:confirmReceiveOrder.confirmOrder('41234567890')">确认收货</a></div>`);
    expect(orderHintFor(dangdang, control, list)).toBe('41234567890');
  });

  it('reads a parcel block of a split order by its 订单号 text, not the group header', () => {
    const control = controlIn(`
      <div class="force">
        <div class="order_show force_release"><span>您的订单因为不同仓库发货，拆分成多个包裹发货。</span></div>
        <div class="order_show force_release"><span>订单号：</span><span class="order_number"><a href="#">41234567901</a></span></div>
        <div class="order_show force_release"><span>订单号：</span><span class="order_number"><a href="#">41234567902</a></span>
          <a class="confirm" href="javascript:confirmReceiveOrder.confirmOrder('41234567902')"><i></i><span>确认</span><span>收货</span></a></div>
      </div>`);
    expect(orderHintFor(dangdang, control, list)).toBe('41234567902');
  });

  it('ignores an order_id that is not a number and reads the link instead', () => {
    const control = controlIn(`<div class="order_show" order_id="\${item.order.orderId}"><a class="confirm" href="/myOrder/confirmReceive?orderId=41234567903">确认收货</a></div>`);
    expect(orderHintFor(dangdang, control, list)).toBe('41234567903');
  });

  it('reads the detail page address', () => {
    const control = controlIn(`<div><a class="confirm" href="javascript:;">确认收货</a></div>`);
    expect(orderHintFor(dangdang, control, new URL('http://order.dangdang.com/orderdetails.aspx?orderid=41234567904'))).toBe('41234567904');
  });
});

describe('dangdang order facts', () => {
  it('reads the head amount, the item names (not the thumbnails), the shop and status lines, and cash on delivery', () => {
    document.body.innerHTML = `<div class="order_show force_release">
      <div class="order_show_head"><span class="number_order">订单号：</span><span class="order_number"><a href="//order.dangdang.com/orderdetails.aspx?orderid=41234567901">41234567901</a></span>
        <span class="price">¥&nbsp;59.00</span><span class="online_pay">货到付款</span></div>
      <div class="order_show_area">
        <div class="pic_show_area"><ul><li><a class="j_productImg" title="汉语大词典（第二版）"></a></li></ul><p class="name"><a>汉语大词典（第二版）</a></p></div>
        <div class="trace_order"><p class="shop_name">当当自营</p><p class="order_view_status">已发货</p></div>
        <div class="check_order"><a class="confirm" href="javascript:confirmReceiveOrder.confirmOrder('41234567901')">确认收货</a></div></div></div>`;
    const facts = factsFor(dangdang, document.querySelector('.confirm')!, new URL('https://myhome.dangdang.com/myOrder'));
    expect(facts).toMatchObject({ orderId: '41234567901', shop: '当当自营', items: ['汉语大词典（第二版）'], amount: '¥ 59.00', amountValue: 59, status: '已发货', cashOnDelivery: true });
    expect(facts.logistics.delivery).toBe('in-transit');
  });
});
