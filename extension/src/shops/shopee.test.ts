// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { covered as coveredBy } from '../../test/match-pattern';
import { factsFor, labelsFor, orderHintFor, pageKindOf, shopForHost } from '.';
import { deadlineIn } from './order-facts';
import { SHOPEE_DOMAINS, orderSnsIn, shopee, shopeeOrderIdFromHref } from './shopee';

const covered = (url: string): boolean => coveredBy(shopee.matches, url);

describe('shopee domains', () => {
  it.each(SHOPEE_DOMAINS)('%s and its subdomains belong to shopee', (domain) => {
    expect(shopForHost(domain)?.id).toBe('shopee');
    expect(shopForHost(`www.${domain}`)?.id).toBe('shopee');
    expect(shopForHost(domain.toUpperCase())?.id).toBe('shopee');
  });

  it.each([
    'shopee.sg.evil.example',
    'notshopee.sg',
    'shopee-sg.com',
    'shopee.sg-login.example',
    'shopee.com.my.example.com',
    'myshopee.vn',
    'shopee.co',
    'shopee.com',
    'shopee.example',
  ])('%s is not shopee', (host) => expect(shopForHost(host)?.id).not.toBe('shopee'));

  it.each(SHOPEE_DOMAINS)('the content script runs on every page of %s', (domain) => {
    expect(covered(`https://${domain}/`)).toBe(true);
    expect(covered(`https://${domain}/user/purchase/`)).toBe(true);
    expect(covered(`https://${domain}/product/123/456`)).toBe(true);
    expect(covered(`https://www.${domain}/user/purchase/order/163208815902345`)).toBe(true);
    expect(covered(`https://${domain}.evil.example/user/purchase/`)).toBe(false);
    expect(covered(`https://not${domain}/user/purchase/`)).toBe(false);
  });
});

describe('shopee pageKindOf', () => {
  const kind = (url: string) => pageKindOf(shopee, new URL(url));

  it.each(SHOPEE_DOMAINS)('%s: the purchase list and an order', (domain) => {
    expect(kind(`https://${domain}/user/purchase`)).toBe('list');
    expect(kind(`https://${domain}/user/purchase/`)).toBe('list');
    expect(kind(`https://${domain}/user/purchase/?type=8`)).toBe('list');
    expect(kind(`https://www.${domain}/user/purchase/?type=3`)).toBe('list');
    expect(kind(`https://${domain}/user/purchase/order/163208815902345`)).toBe('detail');
    expect(kind(`https://${domain}/user/purchase/order/163208815902345/?type=8`)).toBe('detail');
  });

  it.each([
    'https://shopee.sg/',
    'https://shopee.sg/user/purchased',
    'https://shopee.sg/user/purchase/order/',
    'https://shopee.sg/user/purchase/order/abc123def',
    'https://shopee.sg/user/purchase/order/163208815902345/confirm',
    'https://shopee.sg/user/account/profile',
    'https://shopee.sg/Cable-i.81234567.2345678901',
    'https://seller.shopee.sg/portal/sale/order',
    'https://shopee.sg.evil.example/user/purchase/',
  ])('%s is not an order page', (url) => expect(kind(url)).toBeNull());
});

describe('shopee labels', () => {
  const labels = labelsFor(shopee);

  it.each([
    'Order Received',
    'ORDER RECEIVED',
    'Pesanan Diterima',
    'Đã Nhận Được Hàng',
    'đã nhận được hàng',
    'ได้รับสินค้าแล้ว',
    '完成訂單',
    'Pedido Recebido',
    'Pedido recibido',
  ])('accepts %j', (text) => expect(labels.matches(text)).toBe(true));

  it.each([
    'Order Received on 12 May',
    'Pesanan Selesai',
    'Pesanan Diterima pada 12 Mei',
    'Click Order Received only after you have checked your items',
    'To Receive',
    'Completed',
    'Extend Shopee Guarantee',
    'Return/Refund',
    'Contact Seller',
    'Buy Again',
    'Rate',
    'View Shop',
    '訂單已完成',
    '完成',
    'Pedido entregue',
  ])('rejects %j', (text) => expect(labels.matches(text)).toBe(false));
});

describe('shopeeOrderIdFromHref', () => {
  const base = 'https://shopee.sg/user/purchase/';
  it.each([
    ['/user/purchase/order/163208815902345', '163208815902345'],
    ['/user/purchase/order/163208815902345/?type=8', '163208815902345'],
    ['https://shopee.co.id/user/purchase/order/171234567890123?action=x', '171234567890123'],
    ['order/163208815902345', '163208815902345'],
    ['/user/purchase/order/12345', null],
    ['/user/purchase/order/163208815902345abc', null],
    ['/user/purchase/', null],
    ['/product/81234567/2345678901', null],
    ['http://[', null],
    ['', null],
    [null, null],
  ])('%j → %j', (href, id) => expect(shopeeOrderIdFromHref(href, base)).toBe(id));
});

describe('orderSnsIn', () => {
  const sns = (html: string): string[] => {
    document.body.innerHTML = html;
    return [...orderSnsIn(document.body)];
  };

  it.each([
    ['<p>Order ID: 2611057QW5R8KJ</p>', '2611057QW5R8KJ'],
    ['<p>ORDER ID. 2611057QW5R8KJ</p>', '2611057QW5R8KJ'],
    ['<p>Order SN 2611057QW5R8KJ</p>', '2611057QW5R8KJ'],
    ['<p>No. Pesanan: 261104AB7KQ2ZX</p>', '261104AB7KQ2ZX'],
    ['<p>Mã đơn hàng: 261104AB7KQ2ZX</p>', '261104AB7KQ2ZX'],
    ['<p>หมายเลขคำสั่งซื้อ 261104AB7KQ2ZX</p>', '261104AB7KQ2ZX'],
    ['<p>訂單編號 261104AB7KQ2ZX</p>', '261104AB7KQ2ZX'],
    ['<p>ID do pedido 261104AB7KQ2ZX</p>', '261104AB7KQ2ZX'],
    ['<p>ID del pedido: 261104AB7KQ2ZX</p>', '261104AB7KQ2ZX'],
    ['<p>order id: 261104ab7kq2zx</p>', '261104AB7KQ2ZX'],
    // Minified markup: label, id and the next word in adjacent elements with no space between them.
    ['<span>ORDER ID.</span><span>2611087ABCD123</span><span>Parcel delivered</span>', '2611087ABCD123'],
  ])('%s names %s', (html, sn) => expect(sns(html)).toEqual([sn]));

  it.each([
    '<p>2611057QW5R8KJ</p>', // no label
    '<p>Order ID: 12345678</p>', // not an SN: too short
    '<p>Order ID: 2611057QW5R8KJX</p>', // one character too many
    '<p>Order ID: QW5R8KJ2611057</p>', // no date prefix
    '<p>Order Total: 2611057QW5R8KJ</p>',
    '<script>var s = "Order ID: 2611057QW5R8KJ";</script><textarea>Order ID: 2611057QW5R8KJ</textarea>',
    '<template><p>Order ID: 2611057QW5R8KJ</p></template>',
  ])('%s names none', (html) => expect(sns(html)).toEqual([]));
});

describe('shopee order hint', () => {
  const list = new URL('https://shopee.sg/user/purchase/?type=8');
  const hint = (selector: string, page = list) => orderHintFor(shopee, document.querySelector(selector)!, page);

  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reads the SN on the order card, not the address it links to', () => {
    document.body.innerHTML = `
      <div class="purchase-list-page__checkout-card-wrapper"><span>Order ID: 2611057QW5R8KJ</span>
        <a href="/user/purchase/order/163208815902345">details</a><button id="b">Order Received</button></div>
      <div class="purchase-list-page__checkout-card-wrapper"><span>Order ID: 261103K2M9XP4T</span><button id="c">Order Received</button></div>`;
    expect(hint('#b')).toBe('2611057QW5R8KJ');
    expect(hint('#c')).toBe('261103K2M9XP4T');
  });

  it('falls back to the numeric id of the order the card links to', () => {
    document.body.innerHTML = `
      <div class="order-card__container"><a href="/user/purchase/order/163208815902345/">details</a><button id="b">Order Received</button></div>
      <div class="order-card__container"><span>Order ID: 261103K2M9XP4T</span><button>Order Received</button></div>`;
    expect(hint('#b')).toBe('163208815902345');
  });

  it('reads an order_sn parameter on the control’s own link', () => {
    document.body.innerHTML = `<div class="order-card__container"><a id="a" href="/buyer/confirm?order_sn=2611057QW5R8KJ">Order Received</a></div>`;
    expect(hint('#a')).toBe('2611057QW5R8KJ');
  });

  it('never borrows a neighbouring order: a card that names none gives null', () => {
    document.body.innerHTML = `
      <div class="order-card__container"><button id="b">Order Received</button></div>
      <div class="order-card__container"><span>Order ID: 261103K2M9XP4T</span></div>`;
    expect(hint('#b')).toBeNull();
  });

  it('unknown markup: climbs to the nearest box naming one order and stops before two', () => {
    document.body.innerHTML = `
      <div class="list">
        <div class="x1"><div><span>No. Pesanan: 261104AB7KQ2ZX</span></div><div><div><button id="a">Pesanan Diterima</button></div></div></div>
        <div class="x1"><div><button id="b">Pesanan Diterima</button></div></div>
        <div class="x1"><span>No. Pesanan: 2611026TTW31MN</span><span>No. Pesanan: 261029Q0W8E7RT</span><button id="c">Pesanan Diterima</button></div>
        <div class="x1"><a href="/user/purchase/order/171234567890123">a</a><a href="/user/purchase/order/171234567890999">b</a><button id="d">Pesanan Diterima</button></div>
      </div>`;
    expect(hint('#a')).toBe('261104AB7KQ2ZX');
    expect(hint('#b')).toBeNull();
    expect(hint('#c')).toBeNull();
    expect(hint('#d')).toBeNull();
  });

  it('on a detail page: the one SN the page shows, else the id in the address', () => {
    const detail = new URL('https://shopee.vn/user/purchase/order/163208815900001?type=8');
    document.body.innerHTML = `<header><span>Mã đơn hàng.</span><span>2611087ABCD123</span></header><main><div><div><button id="b">Đã Nhận Được Hàng</button></div></div></main>`;
    expect(hint('#b', detail)).toBe('2611087ABCD123');
    document.body.innerHTML = `<main><button id="b">Đã Nhận Được Hàng</button></main>`;
    expect(hint('#b', detail)).toBe('163208815900001');
    document.body.innerHTML = `<p>Order ID 2611087ABCD123</p><p>Order ID 2611087ABCD999</p><button id="b">Order Received</button>`;
    expect(hint('#b', detail)).toBe('163208815900001');
  });

  it('returns null on a list page with nothing to go on', () => {
    document.body.innerHTML = `<button id="b">Order Received</button>`;
    expect(hint('#b')).toBeNull();
  });
});

describe('shopee facts', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reads a card of today’s build by its hashed classes: the total without its label, the shop without its buttons', () => {
    document.body.innerHTML = `<div class="YL_VlX"><div class="J632se">
      <div class="P2JMvg"><div class="RBPP9y"><div class="UDaMW3">Toko Elektronik Jaya</div><a class="Mr26O7">Kunjungi Toko</a></div>
        <div class="jgIyoX"><div class="LY5oll"><span>Pesanan tiba di alamat tujuan</span></div><div class="bv3eJE">Dikirim</div></div></div>
      <div class="mZ1OWk"><span class="DWVWOJ">Kabel Data USB Type C 1 Meter</span><div class="j3I_Nh">x2</div><div class="ylYzwa">Rp29.000</div></div></div>
      <div class="NWUSQP"><label class="juCcT0">Total Pesanan:</label><div class="t7TQaf">Rp58.000</div></div>
      <button id="b" class="stardust-button stardust-button--primary">Pesanan Diterima</button></div>`;
    const facts = factsFor(shopee, document.querySelector('#b')!, new URL('https://shopee.co.id/user/purchase/?type=8'));
    expect(facts).toMatchObject({
      shop: 'Toko Elektronik Jaya',
      items: ['Kabel Data USB Type C 1 Meter'],
      amount: 'Rp58.000',
      amountValue: 58000,
      status: 'Dikirim',
      logistics: { delivery: 'delivered' },
    });
  });

  it('reads the whole detail page for each of its buttons, and the Order Total rather than the Merchandise Subtotal', () => {
    document.body.innerHTML = `<div class="purchase-detail-page">
      <div class="received-banner"><button id="a">Order Received</button></div>
      <div class="shop-section"><span class="shop-name">Mega Gadget MY</span></div>
      <div class="order-item"><div class="order-item__name"><div class="order-item__title">Mouse pad XL</div>x1</div></div>
      <div class="payment-summary"><div>Merchandise Subtotal RM45.80</div><div>Shop Voucher -RM3.00</div>
        <div>Order Total <b class="payment-summary__total">RM42.80</b></div></div>
      <div class="sticky-bar"><a id="b" href="/user/purchase/order/163208815900001/confirm">Order Received</a></div>
    </div>`;
    const page = new URL('https://shopee.com.my/user/purchase/order/163208815900001');
    for (const id of ['#a', '#b']) document.querySelector(id)!.setAttribute('data-receiptguard', 'guarded');
    for (const id of ['#a', '#b']) {
      expect(factsFor(shopee, document.querySelector(id)!, page), id).toMatchObject({ shop: 'Mega Gadget MY', items: ['Mouse pad XL'], amount: 'RM42.80' });
    }
  });

  // Known gaps of the shared reader (order-facts.ts): Shopee's own words for the end of the Shopee Guarantee period,
  // after which the order is confirmed by itself. The fixtures carry them (list-sg card 1, list-id pesanan-a,
  // detail-my) without a "deadline" expectation. These fail today and pass once the reader understands them.
  it.each([
    ['Confirm receipt by 12-11-2026', 'Confirm receipt by 12-11-2026'],
    ['Pesanan akan dikonfirmasi otomatis pada 14-11-2026', 'Pesanan akan dikonfirmasi otomatis pada 14-11-2026'],
    ['Shopee Guarantee holds your payment until 09-11-2026.', 'Shopee Guarantee holds your payment until 09-11-2026'],
  ])('reads "%s" as the deadline', (text, wording) => {
    expect(deadlineIn(text)?.text).toBe(wording);
  });
});
