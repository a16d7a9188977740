// Tmall (天猫): order detail and confirm pages on trade.tmall.com (the order list is Taobao's). The detail page says
// 待确认收货 with a countdown to automatic confirmation; presale orders show the confirm link on the stage-2 (尾款) row.
import type { ShopModule } from './types';

export const tmall: ShopModule = {
  id: 'tmall',
  domains: ['tmall.com'],
  matches: ['*://trade.tmall.com/*', '*://buyertrade.tmall.com/*', '*://wuliu.tmall.com/*'],
  pages: {
    list: [/^buyertrade\.tmall\.com\/trade\/itemlist\//],
    detail: [/^trade\.tmall\.com\/detail\/orderDetail\.htm/i],
    logistics: [/^wuliu\.tmall\.com\//],
  },
  orderRow: '.js-order-container, div[data-id], [data-order-id], .trade-order-mainwrap',
  facts: { shop: '.shop-name', items: '.item-title, .item > a', status: '.status-box h3, .status > span', amount: '.total strong' },
};
