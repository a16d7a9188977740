// Pinduoduo (拼多多): the mobile web app on mobile.yangkeduo.com (also mobile.pinduoduo.com). Order list
// `orders.html?type=`, detail `order.html?order_sn=`, logistics `goods_express.html?order_sn=`. Pages are React,
// server-rendered with their data embedded as `window.rawData={…};` (list: `ordersStore.orders[].{orderSn,
// mall.mallName, orderGoods[].goodsName}`); buttons are JS-driven divs without links, and list cards show no order
// number. So the order id comes from an `order_sn` link (the control's or its card's), else from the embedded data —
// the one order whose shop and goods names both appear in the card — else from the detail page's address.
import { ORDER_ID_PARAMS, orderIdFromAttributes, orderIdFromUrl } from './order-id';
import type { ShopModule } from './types';

const ORDER_ROW = '.react-base-list > div, [data-order-sn]';
/** "261118-402815736290147": the date, a dash and a serial; any id the shared reader accepts is taken. */
const ORDER_SN = /^[A-Za-z0-9][A-Za-z0-9_-]{5,39}$/;
const PDD_PARAMS = ['order_sn', ...ORDER_ID_PARAMS.filter((name) => name !== 'order_sn')];

interface RawOrder {
  orderSn?: unknown;
  mall?: { mallName?: unknown };
  orderGoods?: { goodsName?: unknown }[];
}

/** The JSON object literal that starts at `start` (a "{"), by brace matching that skips strings; null if unbalanced. */
export function objectLiteralAt(text: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return text.slice(start, i + 1);
    }
  }
  return null;
}

const parsed = new WeakMap<Element, RawOrder[] | null>();

/** `ordersStore.orders` of the page's `window.rawData=` script, or null when there is none or it does not parse. */
export function rawDataOrders(doc: Document): RawOrder[] | null {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    if (parsed.has(script)) return parsed.get(script) ?? null;
    const text = script.textContent ?? '';
    const match = /window\.rawData\s*=\s*(?=\{)/.exec(text);
    if (!match) continue;
    let orders: RawOrder[] | null = null;
    try {
      const literal = objectLiteralAt(text, match.index + match[0].length);
      const data = literal ? (JSON.parse(literal) as { ordersStore?: { orders?: unknown } }) : null;
      if (Array.isArray(data?.ordersStore?.orders)) orders = data.ordersStore.orders as RawOrder[];
    } catch {
      orders = null;
    }
    parsed.set(script, orders);
    return orders;
  }
  return null;
}

const squash = (text: string): string => text.replace(/\s+/g, '');

/** The order of the embedded data whose shop name and first goods name both appear in the card; null unless exactly one. */
export function orderSnFromRawData(row: Element): string | null {
  const orders = rawDataOrders(row.ownerDocument);
  if (!orders) return null;
  const text = squash(row.textContent ?? '');
  const found = new Set<string>();
  for (const order of orders) {
    const mall = order.mall?.mallName;
    const goods = order.orderGoods?.[0]?.goodsName;
    if (typeof order.orderSn !== 'string' || typeof mall !== 'string' || typeof goods !== 'string') continue;
    if (!mall.trim() || !goods.trim()) continue;
    if (text.includes(squash(mall)) && text.includes(squash(goods))) found.add(order.orderSn);
  }
  const [only] = found;
  return found.size === 1 && only !== undefined && ORDER_SN.test(only) ? only : null;
}

/** The one order_sn the card's links name (several different ones: none). */
function orderSnFromRowLinks(row: Element, base: string): string | null {
  const found = new Set<string>();
  for (const link of row.querySelectorAll('a[href]')) {
    const id = orderIdFromUrl(link.getAttribute('href'), base, PDD_PARAMS);
    if (id) found.add(id);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

export const pinduoduo: ShopModule = {
  id: 'pinduoduo',
  domains: ['yangkeduo.com', 'pinduoduo.com'],
  matches: ['*://mobile.yangkeduo.com/*', '*://mobile.pinduoduo.com/*'],
  pages: {
    list: [/^mobile\.(?:yangkeduo|pinduoduo)\.com\/orders\.html$/],
    detail: [/^mobile\.(?:yangkeduo|pinduoduo)\.com\/order\.html$/],
    logistics: [/^mobile\.(?:yangkeduo|pinduoduo)\.com\/(?:goods_express|logistics)\.html$/],
  },
  orderRow: ORDER_ROW,
  // The cards mark their parts with data-test attributes; the amount is left to the card's "实付：￥…" line, the order's
  // total, where a selector would also take the "共1件商品" before it.
  facts: { shop: '[data-test="店铺名称"]', items: '[data-test="商品名称"]', status: '[data-test="订单状态"]' },
  orderId(control, page) {
    const href = control.closest('a[href]')?.getAttribute('href');
    const fromLink = orderIdFromUrl(href, page.href, PDD_PARAMS);
    if (fromLink) return fromLink;
    const row = control.closest(ORDER_ROW);
    if (row) {
      const fromRow = orderIdFromAttributes(row) ?? orderSnFromRowLinks(row, page.href) ?? orderSnFromRawData(row);
      if (fromRow) return fromRow;
    }
    return orderIdFromUrl(page.href, page.href, PDD_PARAMS);
  },
};
