// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { factsFor, orderHintFor, pageKindOf, shopForHost } from '.';
import { suning } from './suning';

const kind = (url: string) => pageKindOf(suning, new URL(url));

function controlIn(html: string, selector = '.confirm'): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe('suning pages', () => {
  it.each([
    ['https://order.suning.com/order/orderList.do', 'list'],
    ['https://order.suning.com/order/orderList.do?safp=d488778a.homepage1.Ygnh.1', 'list'],
    ['https://order.suning.com/onlineOrder/orderList.do', 'list'],
    ['https://order.suning.com/order/orderDetail.do?orderId=30051234567', 'detail'],
  ])('%s is a %s page', (url, expected) => expect(kind(url)).toBe(expected));

  it.each([
    'https://order.suning.com/order/queryOrderList.do?pageNumber=1',
    'https://order.suning.com/onlineOrder/orderSuccess.do?orderIds=1047770467',
    'https://product.suning.com/0000000000/10012345678.html',
    'https://shopping.suning.com/cart.do',
  ])('%s is no order page', (url) => expect(kind(url)).toBeNull());

  it('belongs to suning on its own hosts only', () => {
    for (const host of ['order.suning.com', 'suning.com', 'Order.Suning.com']) expect(shopForHost(host)?.id).toBe('suning');
    for (const host of ['suning.com.evil.example', 'mysuning.com', 'order-suning.com', 'suning.cn']) expect(shopForHost(host)).toBeUndefined();
  });

  it('runs only on the order subdomain', () => expect(suning.matches).toEqual(['*://order.suning.com/*']));
});

describe('suning order id (the default reading)', () => {
  const list = new URL('https://order.suning.com/order/orderList.do');

  it('reads orderId from a confirm link', () => {
    const control = controlIn(`<div class="order-item"><span>订单号：30051230000</span><a class="confirm" href="//order.suning.com/order/confirmReceipt.do?orderId=30051234567">确认收货</a></div>`);
    expect(orderHintFor(suning, control, list)).toBe('30051234567');
  });

  it('reads the row header for a form button, whose action carries no id', () => {
    const control = controlIn(`
      <div class="order-item"><div class="item-hd"><span>2026-11-13 09:42:17</span><span>订单号：<a href="#">30051234599</a></span></div>
      <form action="//order.suning.com/order/confirmReceipt.do"><input type="hidden" name="orderId" value="30051234599"><input type="submit" class="confirm" value="确认收货"></form></div>`);
    expect(orderHintFor(suning, control, list)).toBe('30051234599');
  });

  it('reads the detail page address', () => {
    const control = controlIn(`<div><button class="confirm">确认收货</button></div>`);
    expect(orderHintFor(suning, control, new URL('https://order.suning.com/order/orderDetail.do?orderId=30051234611'))).toBe('30051234611');
  });

  it('says nothing for a control outside any order', () => {
    expect(orderHintFor(suning, controlIn(`<div><button class="confirm">确认收货</button></div>`), list)).toBeNull();
  });
});

describe('suning order facts', () => {
  it('reads the block: shop, item names, the paid amount before a presale 定金/尾款, status and the presale flag', () => {
    document.body.innerHTML = `<div class="order-item" id="order_30051234599">
      <div class="item-hd"><span class="order-code">订单号：30051234599</span><span class="shop"><a href="//shop.suning.com/70012345.html">优选家电旗舰店</a></span></div>
      <div class="item-bd"><div class="goods"><div class="name"><span class="tag-presale">预售</span><a href="//product.suning.com/1.html">空气净化器 除甲醛</a><p>×1</p></div></div>
        <div class="price">¥899.00<br><span class="pay-way">在线支付</span><p>定金¥100.00 + 尾款¥799.00</p></div>
        <div class="status"><p class="state">待收货</p></div>
        <div class="operate"><a class="confirm" href="//order.suning.com/order/confirmReceipt.do?orderId=30051234599">确认收货</a></div></div></div>`;
    const facts = factsFor(suning, document.querySelector('.confirm')!, new URL('https://order.suning.com/order/orderList.do'));
    expect(facts).toMatchObject({ orderId: '30051234599', shop: '优选家电旗舰店', items: ['空气净化器 除甲醛'], amount: '¥899.00', status: '待收货', presale: true, cashOnDelivery: false });
  });
});
