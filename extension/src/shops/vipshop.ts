// Vipshop (唯品会): PC orders on order.vip.com — list /order/orderlist (tabs loaded from /order/getOrderListTab as
// `table.m-table` with one `tbody[data-orderid][data-ordersn]` per order), detail /detail/index?ordersn=…; mobile web
// m.vip.com/user-order-list-*.html. The number a buyer sees (订单编号) is the order *sn*; data-orderid is an internal id,
// so the sn is read first: the control's or its row's data-ordersn, a link's ordersn, then the page address.
import { orderIdFromText, orderIdFromUrl } from './order-id';
import type { ShopModule } from './types';

const ORDER_ROW = 'tbody[data-ordersn]';
const VIP_SN_PARAMS = ['ordersn', 'orderSn', 'order_sn'];
const VIP_ORDER_SN = /^\d{8,24}$/;

export const vipshop: ShopModule = {
  id: 'vipshop',
  domains: ['vip.com'],
  matches: ['*://order.vip.com/*', '*://m.vip.com/user-order*'],
  pages: {
    list: [/^order\.vip\.com\/order\/orderlist\/?$/i, /^m\.vip\.com\/user-order-list(-\w+)?\.html$/],
    detail: [/^order\.vip\.com\/detail\//],
  },
  orderRow: ORDER_ROW,
  // The goods column shows the unit price (单价): the amount is the header's 实付金额. The shop (唯品自营 or a brand
  // store) is the header's second `.num`, after 订单编号.
  facts: {
    shop: '.order-hd .num + .num',
    items: '.order-goods a.name',
    amount: '.order-hd .order-total b',
    status: '.order-state > span:first-child',
  },
  orderId(control, page) {
    const sn = control.closest('[data-ordersn]')?.getAttribute('data-ordersn');
    if (sn && VIP_ORDER_SN.test(sn)) return sn;
    const href = control.closest('a[href]')?.getAttribute('href');
    return (
      orderIdFromUrl(href, page.href, VIP_SN_PARAMS) ??
      orderIdFromText(control.closest('tbody')?.textContent) ??
      orderIdFromUrl(page.href, page.href, VIP_SN_PARAMS)
    );
  },
};
