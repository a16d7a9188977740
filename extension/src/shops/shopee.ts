// Shopee (虾皮): one React single-page app per country domain. The buyer's orders are at shopee.<cc>/user/purchase
// (tabs by ?type=) and one order at /user/purchase/order/<order id>, reached without a page load. The confirm button
// says "Order Received" in English and its translation elsewhere; Shopee Guarantee holds the payment for 3 days after
// delivery (15 for Mall), extendable once, then releases it by itself.
//
// Two ids name an order: the numeric order id in the detail address, and the order SN the buyer sees ("Order ID
// 261105…", six date digits and eight letters or digits) that Shopee's support asks for. The hint is the SN when the
// order's own card (or the detail page) shows it, else the numeric id from the order's address.
import { orderIdFromUrl, readableText } from './order-id';
import type { ShopModule } from './types';

/** Every live country site; each serves the web app on the bare domain. */
export const SHOPEE_DOMAINS = [
  'shopee.sg',
  'shopee.com.my',
  'shopee.co.id',
  'shopee.co.th',
  'shopee.vn',
  'shopee.ph',
  'shopee.tw',
  'shopee.com.br',
  'shopee.com.mx',
  'shopee.com.co',
  'shopee.cl',
] as const;

const HOST = `(?:www\\.)?shopee\\.(?:${SHOPEE_DOMAINS.map((d) => d.slice('shopee.'.length).replace(/\./g, '\\.')).join('|')})`;

/** The numeric order id in a detail address: /user/purchase/order/<id>, optionally followed by more path. */
const DETAIL_PATH = /^\/user\/purchase\/order\/(\d{6,20})(?:\/|$)/;

/**
 * The order SN after its label, in the sites' languages: "Order ID" / "ORDER ID." / "Order SN", "No. Pesanan",
 * "Mã đơn hàng", "หมายเลขคำสั่งซื้อ", "訂單編號", "ID do pedido", "ID del pedido". The SN itself is strict (YYMMDD and
 * eight letters or digits), so a product code or a price never passes for one.
 */
const ORDER_SN =
  /(?:Order\s*(?:ID|SN|No\.?|Number)|No\.?\s*Pesanan|Mã\s*đơn\s*hàng|หมายเลขคำสั่งซื้อ|訂單編號|訂單號碼|ID\s+d[eo]l?\s+pedido)\s*[.:：#]?\s*(\d{6}[0-9A-Z]{8})(?![0-9A-Za-z])/giu;

/** Distinct order SNs an element's text names. */
export function orderSnsIn(element: Element): Set<string> {
  return new Set([...readableText(element).matchAll(ORDER_SN)].map((m) => m[1]!.toUpperCase()));
}

/** The numeric order id of a Shopee order address (relative or absolute), or null. */
export function shopeeOrderIdFromHref(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return DETAIL_PATH.exec(new URL(href, base).pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Distinct numeric order ids of the order links at or below an element. */
function linkedOrderIdsIn(element: Element, base: string): Set<string> {
  const links = element.matches('a[href]') ? [element, ...element.querySelectorAll('a[href]')] : [...element.querySelectorAll('a[href]')];
  const ids = new Set<string>();
  for (const link of links) {
    const id = shopeeOrderIdFromHref(link.getAttribute('href'), base);
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * One order: a card of the list, or the whole of a detail page (whose several Order Received buttons, in the banner,
 * the action box and the sticky bar, all belong to its one order).
 */
const ORDER_ROW =
  '.order-card__container, .purchase-list-page__checkout-card-wrapper, [data-order-sn], [data-order-id]';

/** Levels to climb from a control when no known order card contains it. */
const MAX_LEVELS = 10;

/**
 * Climbs from the control (through its order card if one is recognised, else a few levels) and stops before any
 * ancestor that names a second order. Returns the SN if one is named on the way, else the one linked order id.
 */
function orderInCard(control: Element, page: URL): string | null {
  const card = control.closest(ORDER_ROW);
  let linked: string | null = null;
  let level = 0;
  for (let element: Element | null = control; element; element = element.parentElement, level++) {
    if (!card && level > MAX_LEVELS) break;
    const sns = orderSnsIn(element);
    const ids = linkedOrderIdsIn(element, page.href);
    if (sns.size > 1 || ids.size > 1) break;
    if (sns.size === 1) return [...sns][0]!;
    if (ids.size === 1) linked = [...ids][0]!;
    if (element === card) break;
  }
  if (linked) return linked;
  const own = control.closest('a[href]')?.getAttribute('href');
  return orderIdFromUrl(own, page.href, ['order_sn', 'orderSn', 'order_id', 'orderId']);
}

export function shopeeOrderId(control: Element, page: URL): string | null {
  const detailId = DETAIL_PATH.exec(page.pathname)?.[1] ?? null;
  if (detailId) {
    // One order on the page: its SN if the page shows exactly one, else the id in the address.
    const body = control.ownerDocument.body ?? control.ownerDocument.documentElement;
    const sns = orderSnsIn(body);
    return sns.size === 1 ? [...sns][0]! : detailId;
  }
  return orderInCard(control, page);
}

export const shopee: ShopModule = {
  id: 'shopee',
  domains: SHOPEE_DOMAINS,
  // A single-page app: the user reaches the purchase pages from any page of the site without a load.
  matches: SHOPEE_DOMAINS.flatMap((domain) => [`*://${domain}/*`, `*://*.${domain}/*`]),
  pages: {
    list: [new RegExp(`^${HOST}/user/purchase/?$`)],
    detail: [new RegExp(`^${HOST}/user/purchase/order/\\d{6,20}/?$`)],
  },
  labels: [
    // "Order Received" (English sites: sg, my, ph) is a common label.
    'Pesanan Diterima', // id; also Malay on shopee.com.my
    'Đã Nhận Được Hàng', // vn
    'ได้รับสินค้าแล้ว', // th
    'ฉันได้ตรวจสอบและยอมรับสินค้า', // th, newer wording "I have checked and accepted the item" — unsure
    '完成訂單', // tw
    'Pedido Recebido', // br — unsure: not confirmed on the live site
    'Pedido recibido', // mx, co, cl — unsure: not confirmed on the live sites
  ],
  orderRow: ORDER_ROW,
  // Each fact for both builds: the descriptive classes of the older one (order-card__…, purchase-detail-page__…) and the
  // hashed CSS-module classes of today's, which order exporters have read for years (YL_VlX the card, UDaMW3 the
  // shop, DWVWOJ an item's name, t7TQaf the order total without its label, bv3eJE the status). The total is read
  // from its own element: a detail page's "Merchandise Subtotal" comes first and is not what was paid.
  facts: {
    shop: '.order-card__shop-name, .UDaMW3, .shop-section .shop-name',
    items: '.order-card__content-info > div:first-child, .DWVWOJ, .order-item__title',
    amount: '.t7TQaf, .payment-summary__total',
    status: '.order-card__status-text, .bv3eJE, .purchase-detail-page__status',
    // The tracking line: today's cards show it beside the status tab (.bv3eJE), which stays "Dikirim" until the buyer confirms.
    logistics: '.timeline-item__text, .EQko8g > span:not(.bv3eJE), .LY5oll',
  },
  orderId: shopeeOrderId,
};
