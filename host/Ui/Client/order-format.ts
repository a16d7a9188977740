// Words for an order's decision and status, shared by the orders list and the order page.
import type { Decision, OrderStatus } from './api';
import { t } from './i18n';
import { statusLabel } from './parsed-orders';

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
