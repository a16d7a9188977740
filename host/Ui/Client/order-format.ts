// Words for an order's platform, decision and status, shared by the orders list, the order page and the stats.
import type { Decision, OrderStatus } from './api';
import { t, type MessageKey } from './i18n';
import { statusLabel } from './parsed-orders';

const platformKeys: Record<string, MessageKey> = {
  taobao: 'platformTaobao',
  tmall: 'platformTmall',
  jd: 'platformJd',
  pinduoduo: 'platformPinduoduo',
  shopee: 'platformShopee',
  lazada: 'platformLazada',
};

/** "Taobao" for taobao, as the platform filter says it; a platform without a name is shown by its id. */
export function platformName(platform: string): string {
  const key = platformKeys[platform];
  return key ? t(key) : platform;
}

export function orderDecisionLabel(decision: Decision): string {
  if (decision === 'confirmed') return t('decisionConfirmed');
  if (decision === 'cancelled') return t('decisionCancelled');
  return t('decisionNoneOrder');
}

/** A snapshot's own decision: a manual capture has none. */
export function snapshotDecisionLabel(capture: 'guard' | 'manual', decision: Decision): string {
  return capture === 'manual' ? t('decisionManual') : orderDecisionLabel(decision);
}

/** "已签收 (delivered)": the page's own words first, then the normalized status; either alone when that is all there is. */
export function statusWords(status: OrderStatus | null, text: string | null): string {
  if (status === null) return text ?? t('ordersStatusNotRead');
  const label = statusLabel(status);
  const own = text?.trim();
  if (!own) return label;
  return own === label ? own : `${own} (${label})`;
}
