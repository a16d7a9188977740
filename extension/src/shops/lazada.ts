// Lazada (来赞达): the catalogue is on www.lazada.<tld>; the buyer's orders are on my.lazada.<tld> (My Orders at
// /customer/order/index/, one order at /customer/order/view/?tradeOrderId=…), the mobile web order detail on
// my-m.lazada.<tld>/order/order-detail?tradeOrderId=…, and the account pages on member.lazada.<tld>. Each order is
// shown as "Order #<tradeOrderId>"; the confirm button says "Order Received" (Lazada's community help, 2023: the
// payment is released when the buyer clicks it, or 3 days after delivery, extendable once by 4 days).
import { orderIdFromAttributes, orderIdFromUrl, readableText } from './order-id';
import type { ShopModule } from './types';

export const LAZADA_DOMAINS = ['lazada.sg', 'lazada.com.my', 'lazada.co.id', 'lazada.co.th', 'lazada.vn', 'lazada.com.ph'] as const;

const TLD = `lazada\\.(?:${LAZADA_DOMAINS.map((d) => d.slice('lazada.'.length).replace(/\./g, '\\.')).join('|')})`;

/** The account hosts: order pages are on my. and my-m., and the account SPA on member. links to them. */
const ACCOUNT_HOSTS = ['my', 'my-m', 'member'] as const;

/** "Order #402…", "Order No. 402…", "Pesanan #…", "Đơn hàng #…", "คำสั่งซื้อ #…": the trade order id (all digits). */
const ORDER_NUMBER = /(?:Order|Pesanan|Đơn\s*hàng|คำสั่งซื้อ)\s*(?:#|No\.?|ID|:)\s*[#:：]?\s*(\d{9,20})(?!\d)/giu;

const TRADE_ORDER_ID = /^\d{9,20}$/;

/** One order: a row of My Orders, or the whole of an order's page (its buttons sit in each package and a bottom bar). */
const ORDER_ROW = '.order-item, [data-order-id]';

/** Levels to climb from a control when no known order row contains it. */
const MAX_LEVELS = 10;

export function tradeOrderIdFromHref(href: string | null | undefined, base: string): string | null {
  const id = orderIdFromUrl(href, base, ['tradeOrderId']);
  return id && TRADE_ORDER_ID.test(id) ? id : null;
}

/** Distinct trade order ids an element names: "Order #…" in its text, tradeOrderId in its links, its data-order-id. */
export function lazadaOrdersIn(element: Element, base: string): Set<string> {
  const ids = new Set([...readableText(element).matchAll(ORDER_NUMBER)].map((m) => m[1]!));
  const links = element.matches('a[href]') ? [element, ...element.querySelectorAll('a[href]')] : [...element.querySelectorAll('a[href]')];
  for (const link of links) {
    const id = tradeOrderIdFromHref(link.getAttribute('href'), base);
    if (id) ids.add(id);
  }
  const attribute = orderIdFromAttributes(element);
  if (attribute && TRADE_ORDER_ID.test(attribute)) ids.add(attribute);
  return ids;
}

/**
 * The control's own link; else the nearest ancestor (within its order row, or a few levels) naming exactly one
 * order, stopping at the first that names two; else the page address (a detail page).
 */
export function lazadaOrderId(control: Element, page: URL): string | null {
  const own = tradeOrderIdFromHref(control.closest('a[href]')?.getAttribute('href'), page.href);
  if (own) return own;
  const row = control.closest(ORDER_ROW);
  let level = 0;
  for (let element: Element | null = control; element; element = element.parentElement, level++) {
    if (!row && level > MAX_LEVELS) break;
    const ids = lazadaOrdersIn(element, page.href);
    if (ids.size > 1) return null;
    if (ids.size === 1) return [...ids][0]!;
    if (element === row) break;
  }
  return tradeOrderIdFromHref(page.href, page.href);
}

export const lazada: ShopModule = {
  id: 'lazada',
  domains: LAZADA_DOMAINS,
  matches: LAZADA_DOMAINS.flatMap((domain) => ACCOUNT_HOSTS.map((host) => `*://${host}.${domain}/*`)),
  pages: {
    list: [new RegExp(`^my\\.${TLD}/customer/order/index/?$`)],
    detail: [new RegExp(`^my\\.${TLD}/customer/order/view/?$`), new RegExp(`^my-m\\.${TLD}/order/order-detail/?$`)],
  },
  labels: [
    // "Order Received", "Confirm receipt" and "Confirm received" are common labels.
    'Pesanan Diterima', // co.id — unsure: assumed to translate "Order Received" as Shopee does; not confirmed on the site
    'Đã nhận được hàng', // vn — unsure: not confirmed on the live site
    'ได้รับสินค้าแล้ว', // co.th — unsure: not confirmed on the live site
  ],
  orderRow: ORDER_ROW,
  // The status is per package (a capsule: "Delivered", "Shipped"); the order page lists the package's tracking lines,
  // newest first. The amount is left to the row's "Total:" (My Orders shows no total).
  facts: { shop: '.shop-name, .seller-name', items: '.item-title', status: '.capsule', logistics: '.tracking-line' },
  orderId: lazadaOrderId,
};
