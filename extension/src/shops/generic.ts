// The generic rule, for any other shop the user enables in options: the common multilingual labels, and the order
// id from the control's link, a nearby "Order ID / 订单号" label, or the page address.
import type { ShopModule } from './types';

export const generic: ShopModule = {
  id: 'generic',
  domains: [],
  matches: [],
  pages: {},
};
