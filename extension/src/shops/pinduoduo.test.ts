// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { covered } from '../../test/match-pattern';
import { factsFor, orderHintFor, pageKindOf, shopForHost } from '.';
import { objectLiteralAt, pinduoduo, rawDataOrders } from './pinduoduo';

describe('pinduoduo pages', () => {
  it.each([
    ['https://mobile.yangkeduo.com/orders.html?type=0&comment_tab=1&combine_orders=1', 'list'],
    ['https://mobile.yangkeduo.com/orders.html?type=3', 'list'],
    ['https://mobile.pinduoduo.com/orders.html?type=0', 'list'],
    ['https://mobile.yangkeduo.com/order.html?order_sn=261118-402815736290147', 'detail'],
    ['https://mobile.pinduoduo.com/order.html?order_sn=261118-402815736290147&refer_page_name=orders', 'detail'],
    ['https://mobile.yangkeduo.com/goods_express.html?order_sn=261118-402815736290147', 'logistics'],
    ['https://mobile.yangkeduo.com/goods.html?goods_id=123456', null],
    ['https://mobile.yangkeduo.com/personal.html', null],
    ['https://mobile.yangkeduo.com/order_checkout.html?sku_id=1', null],
  ])('%s is %s, and the content script runs there', (href, kind) => {
    const url = new URL(href);
    expect(shopForHost(url.hostname)?.id).toBe('pinduoduo');
    expect(pageKindOf(pinduoduo, url)).toBe(kind);
    expect(covered(pinduoduo.matches, href)).toBe(true);
  });

  it('belongs to both of its domains, and to no look-alike', () => {
    expect(shopForHost('MOBILE.YANGKEDUO.COM')?.id).toBe('pinduoduo');
    for (const host of ['yangkeduo.com.evil.example', 'notyangkeduo.com', 'mobile-yangkeduo.com', 'pinduoduo.com.cn', 'mypinduoduo.com']) {
      expect(shopForHost(host), host).toBeUndefined();
    }
    expect(pageKindOf(pinduoduo, new URL('https://mobile.yangkeduo.com.evil.example/orders.html'))).toBeNull();
    expect(covered(pinduoduo.matches, 'https://mobile.yangkeduo.com.evil.example/orders.html')).toBe(false);
  });
});

const RAW = (orders: unknown[]): string =>
  `<script>window.rawData=${JSON.stringify({ ordersStore: { orders } })};window.leo={"pageSn":10032};</script>`;

const order = (orderSn: string, mallName: string, goodsName: string) => ({ orderSn, mall: { mallName }, orderGoods: [{ goodsName }] });

function load(html: string): void {
  document.body.innerHTML = html;
}

const LIST = new URL('https://mobile.yangkeduo.com/orders.html?type=0');
const hint = (selector: string, page = LIST) => orderHintFor(pinduoduo, document.querySelector(selector)!, page);

describe('pinduoduo order id', () => {
  it('reads order_sn from the control’s own link', () => {
    load(`<div class="react-base-list"><div><a class="c" href="order.html?order_sn=261110-775203918466021">确认收货</a></div></div>`);
    expect(hint('.c')).toBe('261110-775203918466021');
  });

  it('reads the one order_sn the card links to', () => {
    load(`<div class="react-base-list"><div>
      <a href="order.html?order_sn=261118-402815736290147&refer_page_name=orders">goods</a>
      <a href="goods.html?goods_id=77">same goods again</a>
      <div class="c" role="button">确认收货</div></div></div>`);
    expect(hint('.c')).toBe('261118-402815736290147');
  });

  it('matches the card to rawData by shop and goods names when the card has no link', () => {
    load(`<div class="react-base-list">
      <div><span>好家居日用百货</span><span>加厚垃圾袋  家用 100只</span><div class="c" role="button">确认收货</div></div>
    </div>${RAW([order('261116-118840925571203', '好家居日用百货', '加厚垃圾袋 家用 100只'), order('261118-402815736290147', '极光数码专营店', '数据线')])}`);
    expect(hint('.c')).toBe('261116-118840925571203');
  });

  it('gives no id when the card’s links name two orders and rawData does not decide', () => {
    load(`<div class="react-base-list"><div>
      <a href="order.html?order_sn=261118-402815736290147">a</a><a href="order.html?order_sn=261118-402815736290999">b</a>
      <div class="c" role="button">确认收货</div></div></div>`);
    expect(hint('.c')).toBeNull();
  });

  it('gives no id when two orders of the same shop and goods could be the card', () => {
    load(`<div class="react-base-list"><div><span>鲜果园</span><span>脐橙 5斤</span><div class="c" role="button">确认收货</div></div></div>
      ${RAW([order('261105-530917264480559', '鲜果园', '脐橙 5斤'), order('261101-530917264400001', '鲜果园', '脐橙 5斤')])}`);
    expect(hint('.c')).toBeNull();
  });

  it('gives no id on the list when rawData is missing, malformed or names another card', () => {
    load(`<div class="react-base-list"><div><span>童趣玩具</span><div class="c" role="button">确认收货</div></div></div>`);
    expect(hint('.c')).toBeNull();
    load(`<div class="react-base-list"><div><span>童趣玩具</span><span>积木</span><div class="c" role="button">确认收货</div></div></div>
      <script>window.rawData={"ordersStore":{"orders":[{"orderSn":</script>`);
    expect(hint('.c')).toBeNull();
    load(`<div class="react-base-list"><div><span>童趣玩具</span><div class="c" role="button">确认收货</div></div></div>
      ${RAW([order('261110-775203918466021', '童趣玩具', '积木')])}`);
    expect(hint('.c')).toBeNull();
  });

  it('reads order_sn from the detail page address', () => {
    load(`<div class="bottom-bar"><div class="c" role="button">确认收货</div></div>`);
    expect(hint('.c', new URL('https://mobile.yangkeduo.com/order.html?order_sn=261118-402815736290147'))).toBe('261118-402815736290147');
  });
});

describe('rawData parsing', () => {
  it('finds the literal by brace matching, past braces and quotes inside strings', () => {
    const text = 'window.rawData={"a":"}{\\"","b":{"c":1}};window.leo={"x":2};';
    const start = text.indexOf('{');
    expect(JSON.parse(objectLiteralAt(text, start)!)).toEqual({ a: '}{"', b: { c: 1 } });
    expect(objectLiteralAt('{"a":{', 0)).toBeNull();
  });

  it('reads ordersStore.orders, with spaces around the equals sign', () => {
    load(`<script>var x = 1;</script><script>window.rawData = {"ordersStore":{"orders":[{"orderSn":"261118-402815736290147"}]}};</script>`);
    expect(rawDataOrders(document)).toEqual([{ orderSn: '261118-402815736290147' }]);
  });
});

describe('pinduoduo facts', () => {
  it('reads the shop, goods and status the card marks, and the amount paid rather than the goods price', () => {
    load(`<div class="react-base-list"><div>
      <div class="mall"><span data-test="店铺名称">鲜果园水果旗舰店</span><span data-test="订单状态">待收货</span></div>
      <div class="goods"><span data-test="商品名称">赣南脐橙 5斤装</span><span class="sku">中果 【预售】11月12日起陆续发货</span>
        <span data-test="商品价格">￥12.50</span><span>x2</span></div>
      <div class="sum">共2件商品 实付：￥23.90</div>
      <div class="ops"><div class="c" role="button">确认收货</div></div>
    </div></div>`);
    const facts = factsFor(pinduoduo, document.querySelector('.c')!, LIST);
    expect(facts).toMatchObject({ shop: '鲜果园水果旗舰店', items: ['赣南脐橙 5斤装'], amount: '￥23.90', amountValue: 23.9, status: '待收货', presale: true });
  });
});
