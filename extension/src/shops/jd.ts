// JD (京东). PC order list order.jd.com/center/list.action is server-rendered: one `tbody id="tb-<order id>"` per
// order (a split order adds a `tbody id="parent-<id>"` header; its child orders are tb- blocks of their own), and the
// 确认收货 control is `a.order-confirm[_oid]` with href="#none", run by a page handler. Detail pages:
// details.jd.com/normal/item.action?orderid=…&PassKey=… (older: order.jd.com/center/item.action). Mobile web:
// wqs.jd.com/order/orderlist_merge.shtml and trade.m.jd.com/order/orderlist_jdm.shtml (list),
// n_detail_v2.shtml / n_detail_jdm.shtml?deal_id=… (detail), deal_wuliu_jdm.shtml?dealId=… (logistics).
import { orderIdFromUrl, orderIdNearby } from './order-id';
import type { ShopModule } from './types';

/** Where JD puts the order number in a URL: PC `orderid`, mobile `deal_id` / `dealId`. */
const JD_ORDER_PARAMS = ['orderid', 'orderId', 'deal_id', 'dealId', 'order_id'];
/** JD order numbers are all digits (11–12 today). */
const JD_ORDER_NUMBER = /^\d{6,24}$/;

function fromOrderBlock(control: Element): string | null {
  const id = control.closest('tbody[id^="tb-"]')?.id.slice('tb-'.length);
  if (id && JD_ORDER_NUMBER.test(id)) return id;
  const oid = control.closest('[_oid]')?.getAttribute('_oid');
  return oid && JD_ORDER_NUMBER.test(oid) ? oid : null;
}

export const jd: ShopModule = {
  id: 'jd',
  domains: ['jd.com'],
  matches: ['*://order.jd.com/*', '*://details.jd.com/*', '*://wqs.jd.com/order/*', '*://trade.m.jd.com/order/*'],
  pages: {
    list: [/^order\.jd\.com\/center\/list\.action$/, /^(wqs|trade\.m)\.jd\.com\/order\/orderlist_\w+\.shtml$/],
    detail: [
      /^details\.jd\.com\/normal\/item\.action$/,
      /^order\.jd\.com\/center\/item\.action$/,
      /^(wqs|trade\.m)\.jd\.com\/order\/n_detail\w*\.shtml$/,
    ],
    logistics: [/^(wqs|trade\.m)\.jd\.com\/order\/deal_wuliu\w*\.shtml$/],
  },
  // A list's order block; on a detail page (one order, its state in `.state-top`/`.state-txt`) the whole page, whose
  // several confirm controls (state panel, parcel panel, fixed bar) all belong to that one order.
  orderRow: 'tbody[id^="tb-"]',
  facts: {
    // List: `.order-shop` holds a shop link with a title (or a plain span for 京东自营); detail: `.shop-name`.
    shop: '.order-shop .shop-txt, .order-shop a[title], .shop-name',
    items: '.tr-bd .p-name a, tr[class*="product-"] .p-name a',
    // List: the amount column's first line ("总额 ¥399.00"), not the payment way under it; detail: 实付款.
    amount: '.amount span:first-child, .goods-total .count',
    status: '.order-status, .state-txt',
    logistics: '.order-logistics',
  },
  orderId(control, page) {
    const href = control.closest('a[href]')?.getAttribute('href');
    return (
      fromOrderBlock(control) ??
      orderIdFromUrl(href, page.href, JD_ORDER_PARAMS) ??
      orderIdFromUrl(page.href, page.href, JD_ORDER_PARAMS) ??
      orderIdNearby(control)
    );
  },
};
