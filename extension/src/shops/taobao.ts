// Taobao (淘宝): the buyer's order list and detail on buyertrade.taobao.com, the confirm page on trade.taobao.com,
// logistics on wuliu.taobao.com, and the mobile web order pages. List pages embed their data as
// `var data = JSON.parse('…')`, whose tradeOperations hold {id: "confirmGood", text: "确认收货", url:
// "//trade.taobao.com/trade/confirmGoods.htm?biz_order_id=…"}; the rendered link carries the same URL.
import type { ShopModule } from './types';

export const taobao: ShopModule = {
  id: 'taobao',
  domains: ['taobao.com'],
  matches: [
    '*://buyertrade.taobao.com/*',
    '*://trade.taobao.com/*',
    '*://wuliu.taobao.com/*',
    '*://main.m.taobao.com/*',
    '*://h5.m.taobao.com/*',
  ],
  pages: {
    list: [/^buyertrade\.taobao\.com\/trade\/itemlist\//, /^main\.m\.taobao\.com\/olist\//, /^h5\.m\.taobao\.com\/mlapp\/olist/],
    detail: [/^(buyertrade|trade)\.taobao\.com\/trade\/detail\//, /^main\.m\.taobao\.com\/odetail\//],
    logistics: [/^wuliu\.taobao\.com\//, /^buyertrade\.taobao\.com\/trade\/.*logistics/i],
  },
  orderRow: '.js-order-container, div[data-id], [data-order-id]',
  facts: { shop: '.shop-name', items: '.item > a, .item-title', status: '.status > span, .status-text' },
};
