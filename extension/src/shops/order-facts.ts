// What the page itself says about the order a control belongs to: shop, items, amount, status, logistics, the
// automatic-confirmation deadline and the special cases (presale, custom-made, cash on delivery). Read from the
// order's row on a list page, or from the whole page on a detail page; platform selectors first, the row's text after.
import { composedParent, readableText } from './order-id';
import type { FactSelectors } from './types';

export type Delivery = 'delivered' | 'in-transit' | 'unknown';

export interface OrderFacts {
  orderId: string | null;
  shop: string | null;
  items: string[];
  /** As the page shows it, e.g. "￥129.00". */
  amount: string | null;
  amountValue: number | null;
  status: string | null;
  logistics: { text: string | null; delivery: Delivery };
  /** When the platform confirms receipt by itself; `remainingMs` when the page says how long is left. */
  deadline: { text: string; remainingMs: number | null } | null;
  presale: boolean;
  customMade: boolean;
  cashOnDelivery: boolean;
}

/** Status wordings, longest first so that 等待买家确认收货 wins over 确认收货-like fragments. */
const STATUS_PHRASES = [
  '商品已发货，等待买家确认收货', '等待买家确认收货', '卖家已发货', '待确认收货', '等待卖家发货', '买家已付款', '部分发货', '等待收货',
  '已签收', '已送达', '运输中', '派送中', '配送中', '待收货', '待发货', '已发货', '交易成功', '交易关闭', '退款中', '已完成',
  'Out for delivery', 'In transit', 'Awaiting delivery', 'Delivered', 'Shipped', 'To receive', 'To ship', 'Completed',
  'Sedang Dikirim', 'Dikirim', 'Pesanan Selesai', 'Đang giao', 'Đã giao', 'Đang vận chuyển', 'กำลังจัดส่ง', '已出貨', '待收貨',
].sort((a, b) => b.length - a.length);

/** Wordings that say the parcel reached the buyer. Specific on purpose: "签收后…" in a tip is not a delivery. */
const DELIVERED =
  /已签收|本人签收|已由.{0,12}签收|签收人\s*[:：]|已送达|已妥投|已投递|已取件|已自提|快递柜|驿站.{0,6}代收|已代收|已簽收|已送達|\bdelivered\b|pesanan tiba|telah diterima|đã giao|จัดส่งสำเร็จ/i;

/** Wordings that say it is still on its way. */
const IN_TRANSIT =
  /运输中|派送中|配送中|在途|已揽收|揽件|已发货|卖家已发货|正在派送|正在为您派件|开始配送|已到达.{0,20}(?:分拣|转运|中心|站)|已出貨|in transit|out for delivery|awaiting delivery|shipped|on its way|dikirim|sedang diantar|đang giao|đang vận chuyển|กำลังจัดส่ง/i;

/** "Parcel 1 of 2 delivered": the other parcel is still on its way. */
const PARTLY_DELIVERED = /(\d+)\s*(?:of|\/)\s*(\d+)\s*(?:parcels?\s*)?delivered/i;

/**
 * Words that come before a delivery in every tracking history ("已发货 … 运输中 … 已签收"): when the text also says it
 * was signed for, these are the past, not another parcel on its way. Only "派送中"/"运输中" right next to a delivered
 * wording are history; a separate parcel still says its own in-transit status.
 */
const DELIVERED_HISTORY = /(?:卖家已发货|已发货|已揽收|揽件)/g;

const PRESALE = /预售|預售|定金|订金|尾款|阶段\s*[一二12]|stage\s*[12]\b|pre-?sale|pre-?order|deposit/i;
/** "可定制" / "支持定制" in a title is an offer, not this order being custom-made. */
const CUSTOM_MADE = /(?<!可|支持|提供)(?:定制|定做|訂製|客製)|\bcustom\b|custom-made|customi[sz]ed|personali[sz]ed|made to order/i;
const CASH_ON_DELIVERY = /货到付款|貨到付款|cash on delivery|\bCOD\b|bayar di tempat|thanh toán khi nhận hàng/i;

const CURRENCY = '[￥¥$€£₱฿₫]|RMB|CNY|Rp|RM|S\\$|US\\s?\\$|R\\$';
const LABELLED_AMOUNT = new RegExp(
  `(?:实付款|实付金额|实付|订单总额|应付总额|总额|合计|总计|订单金额|应付金额|Order total|Total Pesanan|Tổng số tiền|(?<![A-Za-z])Total)\\s*[:：]?\\s*(?:\\([^)]*\\))?\\s*((?:${CURRENCY})\\s*[\\d.,]+)`,
  'i',
);
/** "￥129.00", "US $18.40", and the currency after the number: "8,50 €", "129元", "250.000₫". */
const ANY_AMOUNT = new RegExp(`(?:${CURRENCY})\\s*\\d[\\d.,]*|\\d[\\d.,]*\\s*(?:€|元|₫|đ)`, 'i');

/** "当前订单状态：…", "Order status: …": the label in front of a status element's text. */
const STATUS_LABEL = /^(?:当前)?(?:订单|交易)?状态\s*[:：]\s*|^(?:order\s+)?status\s*[:：]\s*/i;

const SHOP_LABEL = /(?:店铺|商家|卖家|Store|Seller|Shop)\s*[:：]\s*([^\n|·:：]{2,40}?)(?:\s{2,}|$|\s[|·])/i;

/**
 * Time left: "还剩8天9时", "剩余 6天23小时59分", "剩余15时32分", "自动确认收货倒计时：6天23时", "距离自动确认收货还有6天23小时",
 * "2天12小时后自动确认", "auto-confirm in 3 days". Groups: days, hours, minutes (each optional, at least one present).
 */
const REMAINING = [
  /(?:还剩|剩余|还有|倒计时\s*[:：]?)\s*(?=\d+\s*[天时小分])(?:(\d+)\s*天)?\s*(?:(\d+)\s*(?:小时|时))?\s*(?:(\d+)\s*分钟?)?/,
  /(?=\d+\s*[天时小])(?:(\d+)\s*天)?\s*(?:(\d+)\s*(?:小时|时))?\s*(?:(\d+)\s*分钟?)?\s*后?\s*自动确认/,
  /auto(?:matically)?[- ]?confirm\w*\s+(?:in|within)\s+(\d+)\s*days?(?:\s*(\d+)\s*h(?:ours?)?)?/i,
];
/** "自动确认收货时间：2026-12-05 20:00", "confirmed automatically on 5 Dec 2026". */
const DEADLINE_DATE = [
  /自动确认收货(?:时间)?\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/,
  /(?:预计|将于|将在)\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*自动确认收货/,
  /(?:confirmed automatically|auto-confirm(?:ed)?)\s+(?:on|by)\s+([0-9A-Za-z ,/-]{6,30}\d)/i,
  // Shopee: "Confirm receipt by 12-11-2026", "…dikonfirmasi otomatis pada 14-11-2026", "…holds your payment until 09-11-2026".
  /confirm receipt by\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/i,
  /(?:pesanan akan\s+)?dikonfirmasi otomatis pada\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/i,
  /(?:shopee guarantee\s+)?holds your payment until\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/i,
];
/** Tmall detail pages embed {"countdown": {"serverTime": …, "targetTime": …}} in a script. */
const COUNTDOWN = /"countdown"\s*:\s*\{[^{}]*?"serverTime"\s*:\s*(\d{10,13})[^{}]*?"targetTime"\s*:\s*(\d{10,13})/;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const clean = (text: string | null | undefined): string | null => {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
};

function firstText(root: Element, selector: string | undefined): string | null {
  if (!selector) return null;
  const found = root.querySelector(selector);
  return found ? clean(readableText(found, 400)) : null;
}

/**
 * The amount a selector points at: its text as one string (prices are sometimes drawn one character per element,
 * which a spaced reading would break apart), without any label in front ("Total:US $18.40" → "US $18.40").
 */
function selectedAmount(root: Element, selector: string | undefined): string | null {
  const found = selector ? root.querySelector(selector) : null;
  const text = clean(found?.textContent);
  if (!text) return null;
  return clean(ANY_AMOUNT.exec(text)?.[0]) ?? text;
}

/** The amount's number: "￥1,299.00" → 1299, "Rp29.000" → 29000 (a dot before exactly three digits groups thousands). */
export function amountValue(text: string | null): number | null {
  const digits = text?.match(/\d[\d.,]*/)?.[0];
  if (!digits) return null;
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  const whole = (decimal ? digits.slice(0, -decimal[0].length) : digits).replace(/[.,]/g, '');
  const value = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  return Number.isFinite(value) ? value : null;
}

/** The first known status wording in the text, spelled as the page spells it. */
export function statusIn(text: string): string | null {
  const lower = text.toLowerCase();
  for (const phrase of STATUS_PHRASES) {
    const at = lower.indexOf(phrase.toLowerCase());
    if (at >= 0) return text.slice(at, at + phrase.length);
  }
  return null;
}

/** Delivered only when nothing says a parcel is still on its way: of two parcels, one signed for is not enough. */
export function deliveryIn(text: string): Delivery {
  const delivered = DELIVERED.test(text);
  const partly = PARTLY_DELIVERED.exec(text);
  // Once something was delivered, "已发货" before it is history, not another parcel.
  const moving = IN_TRANSIT.test(delivered ? text.replace(DELIVERED_HISTORY, '') : text) || (partly !== null && Number(partly[1]) < Number(partly[2]));
  if (delivered && !moving) return 'delivered';
  return moving ? 'in-transit' : delivered ? 'delivered' : 'unknown';
}

export function deadlineIn(text: string, scripts = ''): OrderFacts['deadline'] {
  for (const pattern of REMAINING) {
    const match = pattern.exec(text);
    if (match) {
      const [days, hours, minutes] = [match[1], match[2], match[3]].map((n) => Number(n ?? 0));
      return { text: match[0].trim(), remainingMs: days! * DAY + hours! * HOUR + minutes! * 60_000 };
    }
  }
  for (const pattern of DEADLINE_DATE) {
    const match = pattern.exec(text);
    if (match) return { text: match[0].trim(), remainingMs: null };
  }
  const countdown = COUNTDOWN.exec(scripts);
  if (countdown) {
    const remaining = Number(countdown[2]) - Number(countdown[1]);
    if (remaining > 0) return { text: '', remainingMs: remaining };
  }
  return null;
}

/**
 * The order's row: the platform's row selector, else the nearest ancestor that names an order, else — on a detail
 * page, where nothing smaller holds the order — the page itself. Never an ancestor that holds other guarded controls.
 */
export function orderScope(control: Element, orderRow?: string, detailPage = false): Element {
  // A detail page is about one order, however many confirm buttons it has.
  if (detailPage) return control.ownerDocument.body;
  // From the parent: a control may itself carry the row's marks (data-order-id on the button).
  const row = orderRow ? (control.parentElement?.closest(orderRow) ?? null) : null;
  if (row) return row;
  let best: Element | null = null;
  for (let element = composedParent(control), level = 0; element && level < 10; element = composedParent(element), level++) {
    if (element.querySelectorAll('[data-receiptguard="guarded"]').length > 1) break;
    best = element;
    if ((element.textContent?.length ?? 0) > 3000) break;
  }
  const doc = control.ownerDocument;
  // A lone control on the page: the whole page is about its order.
  return doc.querySelectorAll('[data-receiptguard="guarded"]').length <= 1 ? doc.body : (best ?? doc.body);
}

export function readOrderFacts(
  control: Element,
  options: { orderRow?: string; selectors?: FactSelectors; orderId: string | null; detailPage?: boolean },
): OrderFacts {
  const scope = orderScope(control, options.orderRow, options.detailPage);
  const selectors = options.selectors ?? {};
  const text = readableText(scope, 20_000);
  const doc = control.ownerDocument;
  const scripts = scope === doc.body ? [...doc.scripts].map((script) => script.text).join('\n').slice(0, 200_000) : '';

  const amount = selectedAmount(scope, selectors.amount) ?? clean(LABELLED_AMOUNT.exec(text)?.[1]) ?? clean(ANY_AMOUNT.exec(text)?.[0]);
  const logisticsText = firstText(scope, selectors.logistics);
  const status = firstText(scope, selectors.status)?.replace(STATUS_LABEL, '') || statusIn(text);
  const items = selectors.items
    ? [...scope.querySelectorAll(selectors.items)].map((item) => clean(readableText(item, 400))).filter((t): t is string => t !== null)
    : [];
  const flagsText = `${text}\n${items.join('\n')}`;

  return {
    orderId: options.orderId,
    shop: firstText(scope, selectors.shop) ?? clean(SHOP_LABEL.exec(text)?.[1]),
    items: [...new Set(items)].slice(0, 10),
    amount,
    amountValue: amountValue(amount),
    status,
    // A distinct logistics line, where the platform has one, decides; else everything the order's scope says.
    logistics: { text: logisticsText, delivery: deliveryIn(logisticsText ?? text) },
    deadline: deadlineIn(text, scripts),
    presale: PRESALE.test(flagsText),
    customMade: CUSTOM_MADE.test(flagsText),
    cashOnDelivery: CASH_ON_DELIVERY.test(flagsText),
  };
}
