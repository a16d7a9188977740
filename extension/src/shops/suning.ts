// Suning (苏宁易购): everything about a buyer's orders lives on order.suning.com. The PC list is
// order.suning.com/order/orderList.do (older links: /onlineOrder/orderList.do), whose orders are loaded as an HTML
// fragment from /order/queryOrderList.do. The order id comes from the default reading: a confirm link's orderId, else
// the "订单号：<number>" label in the order block (`.order-item` is our model of that block, not a confirmed class
// name), else the detail page's ?orderId=. Pages are GBK-encoded.
import type { ShopModule } from './types';

export const suning: ShopModule = {
  id: 'suning',
  domains: ['suning.com'],
  matches: ['*://order.suning.com/*'],
  pages: {
    list: [/^order\.suning\.com\/(order|onlineOrder)\/orderList\.do$/i],
    detail: [/^order\.suning\.com\/(order|onlineOrder)\/orderDetail\.do$/i],
  },
  orderRow: '.order-item',
  // Within our model of the block: the shop link in the header, the item names, the status line. The amount is left to
  // the default reading: the block's first amount is the 实付款 column (a presale's 定金/尾款 follow it).
  facts: { shop: '.item-hd .shop', items: '.item-bd .goods .name a', status: '.status .state' },
};
