// Dangdang (当当): the order list is myhome.dangdang.com/myOrder (pages /myOrder/list?…), rendered from an embedded
// `var info=eval({orderList:[{order:{orderId,…},products:[…]}],pageInfo:{…}})` through a juicer template. Each order is a
// `div.order_show[order_id]`; an order split into parcels (分包裹) shows a `.force` group whose child blocks
// (`.order_show.force_release`) carry no attribute, only "订单号：<number>". 确认收货 is
// `a[dd_name="确认收货"][href="javascript:confirmReceiveOrder.confirmOrder('<id>')"]`. Detail:
// order.dangdang.com/orderdetails.aspx?orderid=…. Pages are GBK-encoded.
import { defaultOrderId } from './order-id';
import type { ShopModule } from './types';

const ORDER_ROW = '.order_show';
const DANGDANG_ORDER_NUMBER = /^\d{6,24}$/;

export const dangdang: ShopModule = {
  id: 'dangdang',
  domains: ['dangdang.com'],
  matches: ['*://myhome.dangdang.com/*', '*://order.dangdang.com/*'],
  pages: {
    list: [/^myhome\.dangdang\.com\/myOrder(\/list)?\/?$/i],
    detail: [/^order\.dangdang\.com\/orderdetails\.aspx$/i],
  },
  orderRow: ORDER_ROW,
  // The head's 订单金额 (`.price`), the status line, the item names under the thumbnails (a thumbnail only carries its
  // title in an attribute, which the reader does not see) and the shop line above the status.
  facts: {
    shop: '.trace_order .shop_name',
    items: '.pic_show_area .name a',
    amount: '.order_show_head .price',
    status: '.order_view_status',
  },
  orderId(control, page) {
    const attribute = control.closest(`${ORDER_ROW}[order_id]`)?.getAttribute('order_id');
    if (attribute && DANGDANG_ORDER_NUMBER.test(attribute)) return attribute;
    return defaultOrderId(control, page, ORDER_ROW);
  },
};
