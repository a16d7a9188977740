// AliExpress (速卖通): the order list /p/order/index.html, detail /p/order/detail.html?orderId= and tracking
// /p/tracking/index.html?tradeOrderId= on www.aliexpress.com and its language subdomains (es., fr., ko., …) and on
// www.aliexpress.us; the older trade.aliexpress.com/orderList.htm, order_detail.htm?orderId= and
// track.aliexpress.com/logisticsdetail.htm?tradeId=; the Russian site's aliexpress.ru/order-list[/<id>] and
// trade.aliexpress.ru/orderList.htm. Each `.order-item` has a header `.order-item-header-right-info` that reads
// "Order date: … Order ID: 8190…Copy" — the "Copy" button's text follows the digits with no space, so the id is read
// as digits only, never with the generic label reader.
import { ORDER_ID_PARAMS, orderIdFromUrl } from './order-id';
import type { ShopModule } from './types';

const ORDER_ROW = '.order-item';
const PARAMS = [...ORDER_ID_PARAMS, 'tradeId'];
/** AliExpress order ids are all digits (16 of them today). */
const ORDER_ID_TEXT = /Order\s*(?:ID|No\.?|number)\s*[:：#]?\s*(\d{8,20})(?!\d)/i;
/** aliexpress.ru's detail page: /order-list/<id>. */
const RU_DETAIL_PATH = /^\/order-list\/(\d{8,20})\/?$/;

export function orderIdFromHeader(text: string | null | undefined): string | null {
  return text ? (ORDER_ID_TEXT.exec(text.replace(/\s+/g, ' '))?.[1] ?? null) : null;
}

/** orderId / tradeOrderId / tradeId in a link, or the id in an aliexpress.ru /order-list/<id> path. */
export function orderIdFromLink(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const fromParams = orderIdFromUrl(href, base, PARAMS);
  if (fromParams) return fromParams;
  try {
    const url = new URL(href, base);
    return /(^|\.)aliexpress\.ru$/i.test(url.hostname) ? (RU_DETAIL_PATH.exec(url.pathname)?.[1] ?? null) : null;
  } catch {
    return null;
  }
}

/** The one order id the row's links name (several different ones: none). */
function orderIdFromRowLinks(row: Element, base: string): string | null {
  const found = new Set<string>();
  for (const link of row.querySelectorAll('a[href]')) {
    const id = orderIdFromLink(link.getAttribute('href'), base);
    if (id) found.add(id);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

export const aliexpress: ShopModule = {
  id: 'aliexpress',
  domains: ['aliexpress.com', 'aliexpress.us', 'aliexpress.ru'],
  matches: [
    '*://*.aliexpress.com/p/order/*',
    '*://*.aliexpress.com/p/tracking/*',
    '*://trade.aliexpress.com/*',
    '*://track.aliexpress.com/*',
    '*://*.aliexpress.us/p/order/*',
    '*://*.aliexpress.us/p/tracking/*',
    '*://*.aliexpress.ru/order-list*',
    '*://trade.aliexpress.ru/*',
  ],
  pages: {
    list: [
      /^(?:[a-z0-9-]+\.)*aliexpress\.(?:com|us)\/p\/order\/index\.html$/,
      /^trade\.aliexpress\.(?:com|ru)\/orderList\.htm$/i,
      /^(?:www\.)?aliexpress\.ru\/order-list\/?$/,
    ],
    detail: [
      /^(?:[a-z0-9-]+\.)*aliexpress\.(?:com|us)\/p\/order\/detail\.html$/,
      /^trade\.aliexpress\.(?:com|ru)\/order_detail\.htm$/i,
      /^(?:www\.)?aliexpress\.ru\/order-list\/\d+\/?$/,
    ],
    logistics: [
      /^(?:[a-z0-9-]+\.)*aliexpress\.(?:com|us)\/p\/tracking\/index\.html$/,
      /^track\.aliexpress\.com\/logisticsdetail\.htm$/i,
    ],
  },
  // The older wordings of the same button; "Confirm received" (today's) is a common label.
  labels: ['Confirm order received', 'Confirm goods received'],
  orderRow: ORDER_ROW,
  // Today's order list; the older trade.aliexpress.com pages fall back to the row's text. The total reads
  // "Total:US $18.40": the order's, where the row's first price would be a unit price ("US $4.25x2").
  facts: {
    shop: '.order-item-store-name',
    items: '.order-item-content-info-name',
    amount: '.order-item-content-opt-price-total',
    status: '.order-item-header-status-text',
  },
  orderId(control, page) {
    const fromLink = orderIdFromLink(control.closest('a[href]')?.getAttribute('href'), page.href);
    if (fromLink) return fromLink;
    const row = control.closest(ORDER_ROW);
    if (row) {
      const header = row.querySelector('.order-item-header-right-info');
      const fromRow = orderIdFromHeader(header?.textContent) ?? orderIdFromRowLinks(row, page.href);
      if (fromRow) return fromRow;
    }
    return orderIdFromLink(page.href, page.href);
  },
};
