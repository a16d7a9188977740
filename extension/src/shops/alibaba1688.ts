// 1688 (阿里巴巴 1688): the buyer's order list trade.1688.com/order/buyer_order_list.htm (GBK, one `li.order-item`
// per order with "订单号：…" in `.order-title .order-id`; it now redirects to the Lit/shadow-DOM app at
// air.1688.com/app/ctf-page/trade-order-list/buyer-order-list.html), order detail on trade.1688.com
// (new_step_order_detail.htm / unify_buyer_detail.htm / order_detail.htm, orderId or order_id), and the confirm
// page trade.1688.com/order/trade_flow.htm?alipayAction=confirm_receive_goods&orderId=…, which asks for the Alipay
// payment password. The default reading fits: the confirm link carries orderId, the row says 订单号.
import type { ShopModule } from './types';

export const alibaba1688: ShopModule = {
  id: '1688',
  domains: ['1688.com'],
  matches: ['*://trade.1688.com/*', '*://air.1688.com/app/ctf-page/*'],
  pages: {
    list: [/^trade\.1688\.com\/order\/buyer_order_list\.htm$/, /^air\.1688\.com\/app\/ctf-page\/trade-order-list\//],
    detail: [/^trade\.1688\.com\/order\/(?:new_step_order_detail|unify_buyer_detail|order_detail)\.htm$/],
    logistics: [/^trade\.1688\.com\/order\/[^/]*logistic[^/]*\.htm$/i],
  },
  orderRow: 'li.order-item, [data-order-id]',
  // The row's company (the seller), offer titles, the total column (not the unit price before it) and the status text.
  facts: {
    shop: '.order-title .company',
    items: '.s-title > a',
    amount: '.order-detail .total',
    status: '.s-status > span:first-child',
  },
};
