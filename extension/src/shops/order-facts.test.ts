// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { amountValue, deadlineIn, deliveryIn, readOrderFacts, statusIn } from './order-facts';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('deadlineIn', () => {
  it.each([
    ['还剩8天9时', '还剩8天9时', (8 * 24 + 9) * 3_600_000],
    ['确认收货 还剩 3 天', '还剩 3 天', 3 * 24 * 3_600_000],
    ['还剩2天5小时30分自动确认', '还剩2天5小时30分', (2 * 24 + 5) * 3_600_000 + 30 * 60_000],
    ['1天12小时后自动确认收货', '1天12小时后自动确认', 36 * 3_600_000],
    ['This order will auto-confirm in 3 days', 'auto-confirm in 3 days', 3 * 24 * 3_600_000],
  ])('%s → %s', (text, wording, ms) => expect(deadlineIn(text)).toEqual({ text: wording, remainingMs: ms }));

  it('quotes a date when the page gives one', () => {
    expect(deadlineIn('自动确认收货时间：2026-12-05 20:00 前')).toEqual({ text: '自动确认收货时间：2026-12-05 20:00', remainingMs: null });
  });

  it('reads Tmall’s embedded countdown when the page text says nothing', () => {
    const scripts = 'var detailData = { "countdown": { "serverTime": 1795000000000, "targetTime": 1795086400000 } };';
    expect(deadlineIn('等待买家确认收货', scripts)).toEqual({ text: '', remainingMs: 86_400_000 });
  });

  it('finds none in ordinary text', () => expect(deadlineIn('交易成功 2026-11-02')).toBeNull());
});

describe('deliveryIn', () => {
  it.each([
    ['您的快件已签收，签收人：本人', 'delivered'],
    ['Delivered · 12 Nov', 'delivered'],
    ['运输中 【杭州转运中心】', 'in-transit'],
    ['派送中，快递员：张师傅', 'in-transit'],
    ['卖家已发货', 'in-transit'],
    ['Parcel is out for delivery', 'in-transit'],
    ['等待卖家发货', 'unknown'],
    // A tip that mentions signing for a parcel is not a delivery.
    ['定制类商品签收前请先验货', 'unknown'],
    ['未签收', 'unknown'],
  ])('%s → %s', (text, delivery) => expect(deliveryIn(text)).toBe(delivery));
});

describe('statusIn', () => {
  it('prefers the longest wording the page uses', () => {
    expect(statusIn('当前订单状态：商品已发货，等待买家确认收货')).toBe('商品已发货，等待买家确认收货');
    expect(statusIn('订单 · 卖家已发货 · 查看物流')).toBe('卖家已发货');
    expect(statusIn('nothing here')).toBeNull();
  });
});

describe('amountValue', () => {
  it.each([
    ['￥129.00', 129],
    ['¥ 1,299.50', 1299.5],
    ['Rp58.000', 58000],
    ['₱1,249.00', 1249],
    ['US $18.40', 18.4],
    [null, null],
  ])('%s → %s', (text, value) => expect(amountValue(text)).toBe(value));
});

describe('readOrderFacts', () => {
  it('reads the row of the control, with platform selectors first and the row text after', () => {
    document.body.innerHTML = `
      <div class="order"><a class="shop">A店</a><p class="title">耳机</p><span>实付款：￥99.00</span><span>运输中</span><button id="a" data-receiptguard="guarded">确认收货</button></div>
      <div class="order"><a class="shop">B店</a><p class="title">定制T恤</p><span>货到付款 ￥59.00</span><span>已签收</span><button id="b" data-receiptguard="guarded">确认收货</button></div>`;
    const read = (id: string) =>
      readOrderFacts(document.getElementById(id)!, { orderRow: '.order', selectors: { shop: '.shop', items: '.title' }, orderId: null });
    expect(read('a')).toMatchObject({ shop: 'A店', items: ['耳机'], amount: '￥99.00', amountValue: 99, status: '运输中', logistics: { delivery: 'in-transit' } });
    expect(read('b')).toMatchObject({ shop: 'B店', items: ['定制T恤'], customMade: true, cashOnDelivery: true, logistics: { delivery: 'delivered' } });
  });

  it('reads a lone control’s whole page (a detail page)', () => {
    document.body.innerHTML = '<h3>等待买家确认收货</h3><p>预售 尾款 ￥300.00</p><div><div><a id="c" data-receiptguard="guarded">确认收货</a></div></div>';
    expect(readOrderFacts(document.getElementById('c')!, { orderId: '1' })).toMatchObject({ status: '等待买家确认收货', presale: true, amount: '￥300.00' });
  });
});
