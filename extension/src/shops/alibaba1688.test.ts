// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { covered } from '../../test/match-pattern';
import { factsFor, orderHintFor, pageKindOf, shopForHost } from '.';
import { alibaba1688 } from './alibaba1688';

describe('1688 pages', () => {
  it.each([
    ['https://trade.1688.com/order/buyer_order_list.htm', 'list'],
    ['https://trade.1688.com/order/buyer_order_list.htm?spm=a360q.8274423.0.0&trade_status=waitsellersend', 'list'],
    ['https://air.1688.com/app/ctf-page/trade-order-list/buyer-order-list.html?page=1&pageSize=10', 'list'],
    ['https://trade.1688.com/order/new_step_order_detail.htm?orderId=3310457789102718264', 'detail'],
    ['https://trade.1688.com/order/unify_buyer_detail.htm?orderId=3310457789102718264', 'detail'],
    ['https://trade.1688.com/order/order_detail.htm?order_id=3310457789102718264', 'detail'],
    ['https://trade.1688.com/order/trade_flow.htm?alipayAction=confirm_receive_goods&orderId=3310457789102718264', null],
    ['https://trade.1688.com/order/seller_order_list.htm', null],
  ])('%s is %s, and the content script runs there', (href, kind) => {
    const url = new URL(href);
    expect(shopForHost(url.hostname)?.id).toBe('1688');
    expect(pageKindOf(alibaba1688, url)).toBe(kind);
    expect(covered(alibaba1688.matches, href)).toBe(true);
  });

  it('stays off 1688’s other sites and every look-alike', () => {
    expect(covered(alibaba1688.matches, 'https://detail.1688.com/offer/702938475612.html')).toBe(false);
    expect(covered(alibaba1688.matches, 'https://air.1688.com/app/ocms-fusion-components-1688/def_cbu_web_im/index.html')).toBe(false);
    for (const host of ['1688.com.evil.example', 'x1688.com', 'trade-1688.com', '1688.cn']) {
      expect(shopForHost(host), host).toBeUndefined();
    }
    expect(pageKindOf(alibaba1688, new URL('https://trade.1688.com.evil.example/order/buyer_order_list.htm'))).toBeNull();
  });
});

const LIST = new URL('https://trade.1688.com/order/buyer_order_list.htm');
const hint = (selector: string, page = LIST) => orderHintFor(alibaba1688, document.querySelector(selector)!, page);

describe('1688 order id (the default reading)', () => {
  it('reads orderId from the confirm link', () => {
    document.body.innerHTML = `<ul><li class="order-item"><span class="order-id">订单号：3309981230457718264</span>
      <a class="c" href="//trade.1688.com/order/trade_flow.htm?alipayAction=confirm_receive_goods&orderId=3310457789102718264">确认收货</a></li></ul>`;
    expect(hint('.c')).toBe('3310457789102718264');
  });

  it('reads 订单号： in the row for a JS button', () => {
    document.body.innerHTML = `<ul><li class="order-item"><div class="order-title"><span class="order-id">订单号：3309981230457718264</span></div>
      <table><tr><td><button class="c">确认收货</button></td></tr></table></li>
      <li class="order-item"><span class="order-id">订单号：3308852016634718264</span></li></ul>`;
    expect(hint('.c')).toBe('3309981230457718264');
  });

  it('reads order_id or orderId from the detail page address', () => {
    document.body.innerHTML = `<div class="ops"><a class="c" href="javascript:;">确认收货</a></div>`;
    expect(hint('.c', new URL('https://trade.1688.com/order/order_detail.htm?order_id=3310457789102718264'))).toBe('3310457789102718264');
    expect(hint('.c', new URL('https://trade.1688.com/order/new_step_order_detail.htm?orderId=3308852016634718264'))).toBe('3308852016634718264');
  });
});

describe('1688 order facts', () => {
  it('reads the company, offer titles, the total (not the unit price), status, the 还剩 deadline and a custom-made offer', () => {
    document.body.innerHTML = `<ul><li class="order-item">
      <div class="order-title"><span class="order-id">订单号：3309981230457718264</span><a class="company" href="//shop1.1688.com/">东莞市恒达包装材料厂</a></div>
      <table class="order-detail"><tr><td class="s-title"><a href="//detail.1688.com/offer/1.html">定制印刷logo快递纸箱 12号</a></td>
        <td class="s-price">￥0.95</td><td class="s-amount">100个</td><td class="total">￥95.00</td>
        <td class="s-status"><span>等待买家确认收货</span><span class="time-left">还剩9天12时</span></td>
        <td class="s-ops"><button type="button" class="confirm">确认收货</button></td></tr></table></li></ul>`;
    const facts = factsFor(alibaba1688, document.querySelector('.confirm')!, new URL('https://trade.1688.com/order/buyer_order_list.htm'));
    expect(facts).toMatchObject({
      orderId: '3309981230457718264', shop: '东莞市恒达包装材料厂', items: ['定制印刷logo快递纸箱 12号'], amount: '￥95.00', amountValue: 95,
      status: '等待买家确认收货', customMade: true, presale: false,
    });
    expect(facts.deadline).toEqual({ text: '还剩9天12时', remainingMs: (9 * 24 + 12) * 3_600_000 });
  });
});
