// Platform and carrier facts for the remediation guide, as data: each fact says where it comes from and when it was
// last checked. Only what a source backs is stated; everything else tells the user to check on the platform itself.
// Sources: the seed article (/work/shared/seed, "误触确认收货,补救措施全攻略", 2024-11-05) and the field notes on
// platform order pages (FIELD-NOTES.md, which cite the public repositories named in each source string).

export interface Fact {
  en: string;
  zh: string;
  /** An https address for the fact; "{orderId}" is replaced by the order's id. Null when none is known. */
  url: string | null;
  /** Where the fact comes from: an https URL, "seed article", or the field notes with the repository they cite. */
  source: string;
  /** ISO date (YYYY-MM-DD) the fact was last checked. */
  lastChecked: string;
}

export interface PlatformFacts {
  name: { en: string; zh: string };
  /** Where the order lives: its detail page when the id can be put in the address. */
  orderPage: Fact;
  /** Where to talk to the seller. */
  chat: Fact;
  /** The after-sales / dispute entry. */
  afterSales: Fact;
  /** Time windows for after-sales after confirming. */
  timeWindow: Fact;
}

export interface CarrierFacts {
  name: { en: string; zh: string };
  /** Lower-case names and prefixes a page may use for the carrier. */
  aliases: string[];
  /** The carrier's public tracking page, when a source confirms it; otherwise the number is shown with a copy button. */
  tracking: Fact;
}

export const LAST_CHECKED = '2026-11-26';
const SEED = 'seed article';
const SHOPEE_GUARANTEE = 'https://help.shopee.com.my/portal/article/78775-%5BOrder-Protection%5D-What-is-Shopee-Guarantee%3F';
const NOTES = (repository: string): string => `FIELD-NOTES.md (${repository})`;

const seedChat: Fact = {
  en: 'the platform’s chat with the seller (or the seller’s phone or a message), from the order',
  zh: '订单上平台的聊天工具（或卖家电话、留言）',
  url: null,
  source: SEED,
  lastChecked: LAST_CHECKED,
};

const seedAfterSales: Fact = {
  en: 'the platform’s customer service or dispute page (申请平台介入): check on the platform where it is',
  zh: '平台的客服页面或纠纷处理入口（申请平台介入），具体位置请在平台上查看',
  url: null,
  source: SEED,
  lastChecked: LAST_CHECKED,
};

const seedWindow: Fact = {
  en: 'Refund and after-sales rules and time limits differ per platform: check on the platform.',
  zh: '各平台的退款和售后政策与时限不同，具体以平台规则为准。',
  url: null,
  source: SEED,
  lastChecked: LAST_CHECKED,
};

const noOrderPage: Fact = {
  en: 'your order list on the platform',
  zh: '平台上的“我的订单”',
  url: null,
  source: SEED,
  lastChecked: LAST_CHECKED,
};

function orderPage(url: string, repository: string): Fact {
  return { en: 'the order’s page on the platform', zh: '平台上的订单详情页', url, source: NOTES(repository), lastChecked: LAST_CHECKED };
}

function platform(en: string, zh: string, overrides: Partial<Omit<PlatformFacts, 'name'>> = {}): PlatformFacts {
  return { name: { en, zh }, orderPage: noOrderPage, chat: seedChat, afterSales: seedAfterSales, timeWindow: seedWindow, ...overrides };
}

export const PLATFORM_FACTS: Record<string, PlatformFacts> = {
  taobao: platform('Taobao', '淘宝', {
    orderPage: orderPage('https://buyertrade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId={orderId}', 'DF-wu/taobaoOrderExporter'),
  }),
  tmall: platform('Tmall', '天猫', {
    orderPage: orderPage('https://trade.tmall.com/detail/orderDetail.htm?bizOrderId={orderId}', 'DF-wu/taobaoOrderExporter'),
  }),
  jd: platform('JD', '京东', {
    orderPage: orderPage('https://details.jd.com/normal/item.action?orderid={orderId}', 'windyyong/open_tool'),
  }),
  pinduoduo: platform('Pinduoduo', '拼多多', {
    orderPage: orderPage('https://mobile.yangkeduo.com/order.html?order_sn={orderId}', 'windyyong/open_tool'),
  }),
  aliexpress: platform('AliExpress', '速卖通', {
    orderPage: orderPage('https://www.aliexpress.com/p/order/detail.html?orderId={orderId}', 'chriskomus/aliexpress-order-downloader'),
  }),
  '1688': platform('1688', '1688'),
  xianyu: platform('Xianyu (Goofish)', '闲鱼', {
    orderPage: { en: 'your orders on Xianyu (goofish.com)', zh: '闲鱼（goofish.com）上的订单', url: 'https://www.goofish.com', source: NOTES('Xianyu row'), lastChecked: LAST_CHECKED },
  }),
  vipshop: platform('Vipshop', '唯品会'),
  suning: platform('Suning', '苏宁易购'),
  dangdang: platform('Dangdang', '当当'),
  shopee: platform('Shopee', 'Shopee', {
    orderPage: { en: 'My Purchases (shopee.<your country>/user/purchase)', zh: '我的购买（shopee.<国家>/user/purchase）', url: null, source: NOTES('Shopee row'), lastChecked: LAST_CHECKED },
    timeWindow: {
      en: 'Shopee Guarantee (Shopee Malaysia’s help centre) holds the payment for 3 days (15 days for Shopee Mall) after delivery, extendable once by 3 days if the parcel has not arrived; ask for a refund within that period.',
      zh: 'Shopee 担保（马来西亚站帮助中心）在送达后保留货款 3 天（Shopee Mall 为 15 天），未收到货时可延长一次 3 天；请在此期间内申请退款。',
      url: SHOPEE_GUARANTEE,
      source: SHOPEE_GUARANTEE,
      lastChecked: LAST_CHECKED,
    },
  }),
  lazada: platform('Lazada', 'Lazada'),
  generic: platform('the shop', '商家'),
};

const unconfirmedTracking = (carrier: string): Fact => ({
  en: `No public tracking page for ${carrier} is confirmed here: copy the number into the carrier’s own site or app, or use the platform’s logistics view.`,
  zh: `这里没有核实过的${carrier}查询网址：请复制单号到快递公司的官网或 App 查询，或在平台的物流信息里查看。`,
  url: null,
  source: SEED,
  lastChecked: LAST_CHECKED,
});

function carrier(en: string, zh: string, aliases: string[]): CarrierFacts {
  return { name: { en, zh }, aliases, tracking: unconfirmedTracking(zh) };
}

export const CARRIER_FACTS: Record<string, CarrierFacts> = {
  sf: carrier('SF Express', '顺丰速运', ['顺丰', 'sf express', 'sf-express', 'sf']),
  zto: carrier('ZTO Express', '中通快递', ['中通', 'zto']),
  yto: carrier('YTO Express', '圆通速递', ['圆通', 'yto']),
  yunda: carrier('Yunda Express', '韵达快递', ['韵达', 'yunda']),
  sto: carrier('STO Express', '申通快递', ['申通', 'sto']),
  jdl: carrier('JD Logistics', '京东物流', ['京东物流', '京东快递', 'jd logistics', 'jdl']),
  ems: carrier('EMS / China Post', '邮政EMS', ['ems', '邮政', 'china post']),
  jt: carrier('J&T Express', '极兔速递', ['极兔', 'j&t', 'jt express']),
  ninjavan: carrier('Ninja Van', 'Ninja Van', ['ninja van', 'ninjavan']),
};

/** The carrier a page named, matched on its known names (longest alias first, so 京东物流 wins over shorter names). */
export function findCarrier(name: string | null | undefined): CarrierFacts | null {
  if (!name) return null;
  const text = name.toLowerCase();
  const candidates = Object.values(CARRIER_FACTS).flatMap((facts) => facts.aliases.map((alias) => ({ alias, facts })));
  candidates.sort((a, b) => b.alias.length - a.alias.length);
  for (const { alias, facts } of candidates) {
    const ascii = /^[a-z&\- ]+$/.test(alias);
    const hit = ascii ? new RegExp(`(^|[^a-z])${alias.replace(/[&-]/g, '\\$&')}([^a-z]|$)`).test(text) : text.includes(alias);
    if (hit) return facts;
  }
  return null;
}

/** The facts for a platform name as the parser reports it; unknown names get the generic facts. */
export function platformFacts(name: string | null | undefined): PlatformFacts {
  return PLATFORM_FACTS[(name ?? '').toLowerCase()] ?? PLATFORM_FACTS.generic!;
}

/** A fact's address with the order id filled in (encoded), or null. */
export function factUrl(fact: Fact, orderId: string): string | null {
  return fact.url === null ? null : fact.url.replace('{orderId}', encodeURIComponent(orderId));
}
