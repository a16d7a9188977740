// What the dialog says, built from what the page says about the order and the user's friction setting. Pure: the
// translation function is passed in, so the wording can be tested without a browser.
import type { OrderFacts } from '../shops/order-facts';
import type { Friction } from '../shared/settings';

export type Translate = (key: string, substitutions?: readonly (string | number)[]) => string;

export type WarningKind = 'logistics' | 'deadline' | 'presale' | 'custom' | 'cod';

export interface DialogContent {
  lang: string;
  title: string;
  lead: string;
  clicked: string;
  summary: { label: string; value: string }[];
  warnings: { kind: WarningKind; text: string }[];
  checklistLegend: string;
  checklist: { id: string; text: string }[];
  scamNote: string;
  /** Set when the word must be typed before Confirm. */
  typeToConfirm: { prompt: string; word: string } | null;
  evidence: string;
  confirm: string;
  cancel: string;
}

export interface DialogInput {
  facts: OrderFacts;
  buttonText: string;
  shopName: string;
  friction: Friction;
  typeAboveAmount: number;
  lang: string;
}

const HOUR = 3_600_000;

export function formatDuration(ms: number, t: Translate): string {
  const hours = Math.max(0, Math.round(ms / HOUR));
  const days = Math.floor(hours / 24);
  return days > 0 ? t('durationDaysHours', [days, hours % 24]) : t('durationHours', [hours]);
}

export function buildDialogContent(input: DialogInput, t: Translate): DialogContent {
  const { facts } = input;
  const summary: DialogContent['summary'] = [];
  if (facts.orderId) summary.push({ label: t('factOrder'), value: facts.orderId });
  if (facts.shop) summary.push({ label: t('factShop'), value: facts.shop });
  if (facts.items.length > 0) {
    const shown = facts.items.slice(0, 2).join('；');
    summary.push({ label: t('factItems'), value: facts.items.length > 2 ? `${shown} ${t('factMoreItems', [facts.items.length - 2])}` : shown });
  }
  if (facts.amount) summary.push({ label: t('factAmount'), value: facts.amount });
  summary.push({ label: t('factStatus'), value: facts.status ?? t('factNotShown') });
  if (facts.logistics.text) summary.push({ label: t('factLogistics'), value: facts.logistics.text });

  const warnings: DialogContent['warnings'] = [];
  const notDelivered = facts.logistics.delivery !== 'delivered';
  if (notDelivered) {
    const said = facts.logistics.text ?? facts.status;
    warnings.push({ kind: 'logistics', text: said ? t('warnNotDeliveredStatus', [said]) : t('warnNotDelivered') });
  }
  if (facts.deadline) {
    const { remainingMs, text } = facts.deadline;
    warnings.push({
      kind: 'deadline',
      text: remainingMs !== null ? t('warnDeadline', [formatDuration(remainingMs, t)]) : t('warnDeadlineText', [text]),
    });
  }
  if (facts.presale) warnings.push({ kind: 'presale', text: t('warnPresale') });
  if (facts.customMade) warnings.push({ kind: 'custom', text: t('warnCustom') });
  if (facts.cashOnDelivery) warnings.push({ kind: 'cod', text: t('warnCod') });

  const checklist: DialogContent['checklist'] = [];
  if (input.friction !== 'simple') {
    checklist.push({ id: 'received', text: t('checkReceived') }, { id: 'inspected', text: t('checkInspected') });
    if (notDelivered) checklist.push({ id: 'logistics', text: t('checkLogistics') });
    checklist.push({ id: 'nobody-asked', text: t('checkNobodyAsked') });
  }

  // An unknown amount counts as large: better one word too many than none on an expensive order.
  const large = facts.amountValue === null || facts.amountValue > input.typeAboveAmount;
  const typeToConfirm =
    input.friction === 'type' && large
      ? { prompt: t('typePrompt', [input.typeAboveAmount, t('typeWord')]), word: t('typeWord') }
      : null;

  return {
    lang: input.lang,
    title: t('dialogTitle'),
    lead: t('dialogLead'),
    clicked: t('dialogClicked', [input.buttonText, input.shopName]),
    summary,
    warnings,
    checklistLegend: t('checklistLegend'),
    checklist,
    scamNote: t('scamNote'),
    typeToConfirm,
    evidence: t('dialogEvidence'),
    confirm: t('dialogConfirm'),
    cancel: t('dialogCancel'),
  };
}
