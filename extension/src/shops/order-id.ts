// Reading the id of the order a control belongs to: from the control's link, its order row, or the page address.
// Used as the snapshot's order hint, so a wrong id is worse than none: every source is specific.

/** Query parameters that carry an order id on the platforms we know. */
export const ORDER_ID_PARAMS = [
  'biz_order_id',
  'bizOrderId',
  'orderId',
  'orderid',
  'order_id',
  'orderSn',
  'order_sn',
  'orderNo',
  'order_no',
  'orderCode',
  'tradeOrderId',
  'trade_id',
] as const;

const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{5,39}$/;

/** "订单号: 123…", "订单编号：…", "Order ID: …", "Order No. …", "Order #…", "注文番号 …", "주문번호 …". */
const ORDER_ID_LABEL =
  /(?:订单号|订单编号|訂單編號|訂單號碼|订单号码|Order\s*(?:ID|No\.?|Number|SN)|Order\s*#|注文番号|주문번호|Mã đơn hàng|No\.\s*Pesanan)\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9_-]{5,39})/i;

export function orderIdFromUrl(href: string | null | undefined, base: string, params: readonly string[] = ORDER_ID_PARAMS): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  for (const name of params) {
    const value = url.searchParams.get(name);
    if (value && ORDER_ID.test(value)) return value;
  }
  return null;
}

export function orderIdFromText(text: string | null | undefined): string | null {
  if (!text) return null;
  return ORDER_ID_LABEL.exec(text.replace(/\s+/g, ' '))?.[1] ?? null;
}

/**
 * An element's text with a space between the texts of different nodes, as it reads on screen: textContent runs
 * "Order #4021" and "Placed on" together into "Order #4021Placed on", which would make a wrong id.
 */
/** Text no buyer reads as part of the order: code, templates, form fields, option lists. */
const UNREAD_TEXT = 'script, style, template, textarea, noscript, select';

export function readableText(element: Element, maxLength = 4000): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < maxLength; node = walker.nextNode()) {
    if (node.parentElement?.closest(UNREAD_TEXT)) continue;
    parts.push(node.nodeValue ?? '');
    length += node.nodeValue?.length ?? 0;
  }
  return parts.join(' ');
}

/** data-order-id, data-orderid or data-id on the row. */
export function orderIdFromAttributes(element: Element): string | null {
  for (const name of ['data-order-id', 'data-orderid', 'data-order-sn', 'data-id']) {
    const value = element.getAttribute(name);
    if (value && ORDER_ID.test(value)) return value;
  }
  return null;
}

/** The parent element, stepping out of a shadow root to its host: an order row may hold its buttons in a component. */
export function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  return parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in parent ? (parent as ShadowRoot).host : null;
}

/**
 * The nearest ancestor (within a few levels) whose text names an order id: a row on a page with no known structure.
 * The climb stops at an ancestor that holds other guarded controls too: past it lie other orders' rows.
 */
export function orderIdNearby(control: Element, maxLevels = 8, maxTextLength = 2000): string | null {
  let element: Element | null = composedParent(control);
  for (let level = 0; element && level < maxLevels; level++, element = composedParent(element)) {
    if (element.querySelectorAll('[data-receiptguard="guarded"]').length > 1) return null;
    const fromAttributes = orderIdFromAttributes(element);
    if (fromAttributes) return fromAttributes;
    if ((element.textContent?.length ?? 0) > maxTextLength) return null;
    const fromText = orderIdFromText(readableText(element));
    if (fromText) return fromText;
  }
  return null;
}

/**
 * The default reading: the control's own link, then its row (attributes, then an order-number label in the row's
 * text), then nearby ancestors, then the page address (a detail page).
 */
export function defaultOrderId(control: Element, page: URL, orderRow?: string): string | null {
  const href = control.closest('a[href]')?.getAttribute('href') ?? control.closest('form[action]')?.getAttribute('action');
  const fromLink = orderIdFromUrl(href, page.href);
  if (fromLink) return fromLink;
  const row = orderRow ? control.closest(orderRow) : null;
  if (row) {
    const fromRow = orderIdFromAttributes(row) ?? orderIdFromText(readableText(row));
    if (fromRow) return fromRow;
  }
  return orderIdNearby(control) ?? orderIdFromUrl(page.href, page.href);
}
