// Xianyu (闲鱼): the web app on www.goofish.com. Bought orders at /bought (cards whose CSS-module classes look like
// `container--Bhfvcld8`, with `name--…`, `status--…`, `desc--…`), order detail at
// /order-detail?orderId=…&role=buyer (older links: /order_detail?id=…). Buttons are plain divs with a click handler
// and their own pointer cursor; cards show no order number, but each links to its order-detail page. So the order
// id comes from the control's link, else from the one order-detail link of the nearest enclosing card, else from the
// detail page's address.
import { ORDER_ID_PARAMS, orderIdFromUrl } from './order-id';
import type { ShopModule } from './types';

const DETAIL_PATH = /^\/order[-_]detail\/?$/;
const DETAIL_PARAMS = [...ORDER_ID_PARAMS, 'id'];
/** Levels to climb from a control to its card (button → button row → card → …). */
const MAX_LEVELS = 8;

/** The order id an order-detail link names (orderId, or id on the older path); null for any other link. */
export function orderIdFromDetailLink(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!/(^|\.)goofish\.com$/i.test(url.hostname) || !DETAIL_PATH.test(url.pathname)) return null;
  return orderIdFromUrl(url.href, base, DETAIL_PARAMS);
}

/** The nearest ancestor that links to order-detail pages decides: one order id, or none if it holds several. */
export function orderIdFromCard(control: Element, base: string): string | null {
  let element: Element | null = control.parentElement;
  for (let level = 0; element && level < MAX_LEVELS; level++, element = element.parentElement) {
    const found = new Set<string>();
    for (const link of element.querySelectorAll('a[href]')) {
      const id = orderIdFromDetailLink(link.getAttribute('href'), base);
      if (id) found.add(id);
    }
    if (found.size > 1) return null;
    if (found.size === 1) return [...found][0] ?? null;
  }
  return null;
}

export const xianyu: ShopModule = {
  id: 'xianyu',
  domains: ['goofish.com'],
  matches: ['*://www.goofish.com/*'],
  pages: {
    list: [/^www\.goofish\.com\/bought\/?$/],
    detail: [/^www\.goofish\.com\/order[-_]detail\/?$/],
  },
  orderRow: 'div[class*="container--Bhfvcld8"], [data-order-id]',
  // CSS-module classes: the part before "--" is stable, the hash after it is not. The seller's nickname stands for the
  // shop; the item's title sits in the description beside its tags (包邮 · 已验货).
  facts: {
    shop: 'a[class*="name--"]',
    items: '[class*="title--"]',
    amount: '[class*="price--"]',
    status: '[class*="status--"]',
  },
  orderId(control, page) {
    const href = control.closest('a[href]')?.getAttribute('href');
    const fromLink = orderIdFromDetailLink(href, page.href) ?? orderIdFromUrl(href, page.href);
    return fromLink ?? orderIdFromCard(control, page.href) ?? orderIdFromDetailLink(page.href, page.href);
  },
};
