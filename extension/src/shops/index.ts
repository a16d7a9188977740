// The platform registry: which module a page belongs to, its labels, its page kind and the order hint.
import { COMMON_LABELS, LabelMatcher } from '../content/labels';
import { jd } from './jd';
import { pinduoduo } from './pinduoduo';
import { aliexpress } from './aliexpress';
import { alibaba1688 } from './alibaba1688';
import { xianyu } from './xianyu';
import { vipshop } from './vipshop';
import { suning } from './suning';
import { dangdang } from './dangdang';
import { shopee } from './shopee';
import { lazada } from './lazada';
import { generic } from './generic';
import { readOrderFacts, type OrderFacts } from './order-facts';
import { defaultOrderId } from './order-id';
import { taobao } from './taobao';
import { tmall } from './tmall';
import type { PageKind, ShopModule } from './types';

export type { PageKind, ShopModule } from './types';
export { generic };

/** Every platform with its own module, in the order they are shown in options. */
export const SHOPS: readonly ShopModule[] = [
  taobao,
  tmall,
  jd,
  pinduoduo,
  aliexpress,
  alibaba1688,
  xianyu,
  vipshop,
  suning,
  dangdang,
  shopee,
  lazada,
];

function onDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

export function shopForHost(hostname: string): ShopModule | undefined {
  const host = hostname.toLowerCase();
  return SHOPS.find((shop) => shop.domains.some((domain) => onDomain(host, domain)));
}

export function labelsFor(shop: ShopModule): LabelMatcher {
  return new LabelMatcher([...COMMON_LABELS, ...(shop.labels ?? [])]);
}

export function pageKindOf(shop: ShopModule, url: URL): PageKind | null {
  const key = `${url.hostname.toLowerCase()}${url.pathname}`;
  for (const kind of ['list', 'detail', 'logistics'] as const) {
    if (shop.pages[kind]?.some((pattern) => pattern.test(key))) return kind;
  }
  return null;
}

export function orderHintFor(shop: ShopModule, control: Element, page: URL): string | null {
  return shop.orderId ? shop.orderId(control, page) : defaultOrderId(control, page, shop.orderRow);
}

/** What the page says about the order a control belongs to (see order-facts.ts). */
export function factsFor(shop: ShopModule, control: Element, page: URL): OrderFacts {
  return readOrderFacts(control, {
    orderRow: shop.orderRow,
    selectors: shop.facts,
    orderId: orderHintFor(shop, control, page),
    detailPage: pageKindOf(shop, page) === 'detail',
  });
}
