// "/guide?order=ID[&platform=P]": the steps after a mistaken (or feared) confirm, filled in for one order from what
// was captured, with the platform facts (guide-facts.ts) and where each comes from. Without an order: the general steps.
import { ApiError, exportUrl, type ParsedOrder } from './api';
import { copyButton } from './copy-text';
import { el } from './format';
import { factUrl, findCarrier, platformFacts, type Fact, type PlatformFacts } from './guide-facts';
import { locale, t, type MessageKey } from './i18n';
import { connectLive } from './live';
import { confirmedAt, loadOrderEvidence, type OrderEvidence } from './order-evidence';
import { formatAmount, isWebUrl } from './parsed-orders';
import { SITUATIONS, sellerMessageEn, sellerMessageZh, type Situation } from './seller-message';
import { showError } from './page';

const lang = (): 'en' | 'zh' => (locale === 'zh-CN' ? 'zh' : 'en');

const GENERAL_STEPS: [MessageKey, MessageKey][] = [
  ['guideSellerTitle', 'guideSeller'],
  ['guideLogisticsTitle', 'guideLogistics'],
  ['guidePlatformTitle', 'guidePlatform'],
  ['guideEvidenceTitle', 'guideEvidence'],
  ['guideRefundTitle', 'guideRefund'],
  ['guideSpecialTitle', 'guideSpecial'],
  ['guideScamTitle', 'guideScam'],
];

const SITUATION_LABELS: Record<Situation, MessageKey> = {
  mistake: 'guideSituationMistake',
  notReceived: 'guideSituationNotReceived',
  damaged: 'guideSituationDamaged',
};

/** The small print under a fact: where it comes from and when it was checked. */
export function sourceLine(fact: Fact): HTMLElement {
  const line = el('small', undefined, { class: 'fact-source' });
  const source = fact.source === 'seed article' ? t('guideSourceSeed') : fact.source;
  const [before, after] = t('guideSource', { source: '\u0000', date: fact.lastChecked }).split('\u0000');
  line.append(before ?? '');
  line.append(isWebUrl(fact.source) ? el('a', source, { href: fact.source, rel: 'noreferrer noopener', target: '_blank' }) : source);
  line.append(after ?? '');
  return line;
}

function words(facts: PlatformFacts): Record<string, string> {
  return { platform: facts.name[lang()], chat: facts.chat[lang()], afterSales: facts.afterSales[lang()], window: facts.timeWindow[lang()] };
}

function step(title: string, ...content: (Node | string)[]): HTMLLIElement {
  const item = el('li');
  item.append(el('h2', title), ...content);
  return item;
}

function paragraph(...content: (Node | string)[]): HTMLParagraphElement {
  const p = el('p');
  p.append(...content);
  return p;
}

function renderGeneral(facts: PlatformFacts, list: HTMLElement): void {
  const values = words(facts);
  list.replaceChildren(
    ...GENERAL_STEPS.map(([title, body]) => step(t(title, values), el('p', t(body, values)))),
    step(t('guideTimeWindowTitle'), el('p', values.window!), sourceLine(facts.timeWindow)),
  );
}

function messageBox(id: string, label: MessageKey): { box: HTMLElement; area: HTMLTextAreaElement } {
  const box = el('div', undefined, { class: 'message' });
  const area = el('textarea', undefined, { id, readonly: '', rows: '7' });
  const status = el('span', undefined, { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  box.append(el('label', t(label), { for: id }), area, copyButton(area, status), status);
  return { box, area };
}

function sellerStep(evidence: OrderEvidence, order: ParsedOrder | null, facts: PlatformFacts): HTMLLIElement {
  const select = el('select', undefined, { id: 'situation' });
  for (const situation of SITUATIONS) select.append(el('option', t(SITUATION_LABELS[situation]), { value: situation }));
  const zh = messageBox('message-zh', 'guideMessageZh');
  const en = messageBox('message-en', 'guideMessageEn');
  const confirmed = confirmedAt(evidence);
  const fill = (): void => {
    const base = {
      orderId: evidence.orderId,
      items: (order?.items ?? []).map((item) => item.title?.value ?? '').filter((title) => title.length > 0),
      situation: select.value as Situation,
    };
    const amount = (l: string): string | null =>
      order?.totalPaid ? formatAmount(order.totalPaid.value, order.currency).replace(/^CN¥/, l === 'zh' ? '¥' : 'CN¥') : null;
    const when = (l: string): string | null =>
      confirmed ? new Intl.DateTimeFormat(l === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(confirmed)) : null;
    zh.area.value = sellerMessageZh({ ...base, amount: amount('zh'), confirmedAt: when('zh') });
    en.area.value = sellerMessageEn({ ...base, amount: amount('en'), confirmedAt: when('en') });
  };
  select.addEventListener('change', fill);
  fill();
  const chooser = el('p');
  chooser.append(el('label', t('guideSituation'), { for: 'situation' }), ' ', select);
  return step(t('guideSellerTitle'), el('p', t('guideSeller', words(facts))), sourceLine(facts.chat), chooser, zh.box, en.box);
}

export function logisticsStep(order: ParsedOrder | null, facts: PlatformFacts, orderId: string): HTMLLIElement {
  const content: Node[] = [];
  const logistics = order?.logistics;
  const number = logistics?.trackingNumber?.value;
  const carrierName = logistics?.carrier?.value;
  if (number || carrierName) {
    const carrier = findCarrier(carrierName);
    const list = el('dl', undefined, { class: 'meta' });
    if (carrierName) list.append(el('dt', t('guideCarrier')), el('dd', carrier ? `${carrierName} (${carrier.name[lang()]})` : carrierName));
    if (number) {
      const dd = el('dd');
      const input = el('input', undefined, { id: 'tracking-number', readonly: '', value: number, size: String(Math.max(12, number.length + 2)) });
      const status = el('span', undefined, { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
      dd.append(input, ' ', copyButton(input, status), ' ', status);
      const dt = el('dt');
      dt.append(el('label', t('guideTrackingNumber'), { for: 'tracking-number' }));
      list.append(dt, dd);
    }
    if (logistics?.latestEvent) list.append(el('dt', t('guideLatestEvent')), el('dd', logistics.latestEvent.value));
    content.push(list);
    if (carrier) {
      const url = carrier.tracking.url;
      content.push(url ? paragraph(el('a', t('guideTrackingLink'), { href: url, rel: 'noreferrer noopener', target: '_blank' })) : el('p', carrier.tracking[lang()]));
      content.push(sourceLine(carrier.tracking));
    }
  } else {
    content.push(el('p', t('guideNoLogistics', words(facts))));
  }
  // The platform's own logistics view for this order, as the captured page linked it: the surest tracking page.
  const pageLogistics = order?.actions.find((action) => action.kind === 'logistics' && isWebUrl(action.url));
  if (pageLogistics) {
    content.push(
      paragraph(
        el('a', t('guidePageLogistics', { ...words(facts), text: pageLogistics.text }), { href: pageLogistics.url!, rel: 'noreferrer noopener', target: '_blank', id: 'page-logistics' }),
      ),
      el('small', t('guidePageLogisticsSource'), { class: 'fact-source' }),
    );
  }
  const orderUrl = factUrl(facts.orderPage, orderId);
  content.push(
    orderUrl
      ? paragraph(el('a', t('guideOrderPage', words(facts)), { href: orderUrl, rel: 'noreferrer noopener', target: '_blank' }))
      : el('p', `${t('guideOrderPage', words(facts))}: ${facts.orderPage[lang()]}`),
    sourceLine(facts.orderPage),
  );
  return step(t('guideLogisticsTitle'), ...content);
}

function platformStep(order: ParsedOrder | null, facts: PlatformFacts, orderId: string): HTMLLIElement {
  const values = words(facts);
  // guidePlatform already names the entry; the source line says where that came from.
  const content: Node[] = [el('p', t('guidePlatform', values)), sourceLine(facts.afterSales)];
  // Logistics links have their own step.
  const actions = (order?.actions ?? []).filter((action) => action.kind !== 'confirm-receipt' && action.kind !== 'logistics' && isWebUrl(action.url));
  if (actions.length > 0) {
    const list = el('ul', undefined, { class: 'page-actions' });
    for (const action of actions) {
      const item = el('li');
      item.append(el('a', action.text || action.kind, { href: action.url!, rel: 'noreferrer noopener', target: '_blank' }));
      list.append(item);
    }
    content.push(el('p', t('guidePageActions')), list);
  }
  const attach = el('ul', undefined, { class: 'attach' });
  for (const key of ['guideAttachPages', 'guideAttachLogistics', 'guideAttachPhotos'] as const) attach.append(el('li', t(key)));
  const links = el('p', undefined, { class: 'export-links' });
  links.append(
    el('a', t('guideExportZip'), { href: exportUrl({ order: orderId }, 'zip'), id: 'export-zip', download: '' }),
    ' · ',
    el('a', t('guideExportWacz'), { href: exportUrl({ order: orderId }, 'wacz'), download: '' }),
    ' · ',
    el('a', t('guideReportLink'), { href: `/report?order=${encodeURIComponent(orderId)}`, id: 'report-link' }),
  );
  content.push(el('p', t('guideAttach')), attach, links);
  return step(t('guidePlatformTitle', values), ...content);
}

function specialSteps(order: ParsedOrder | null): HTMLLIElement[] {
  const flags = order?.flags;
  if (!flags) return [];
  const steps: HTMLLIElement[] = [];
  if (flags.presale) steps.push(step(t('guidePresaleTitle'), el('p', t('guidePresale'))));
  if (flags.customMade) steps.push(step(t('guideCustomTitle'), el('p', t('guideCustom'))));
  if (flags.cashOnDelivery) steps.push(step(t('guideCodTitle'), el('p', t('guideCod'))));
  for (const item of steps) item.classList.add('special');
  return steps;
}

function renderOrder(evidence: OrderEvidence, facts: PlatformFacts, list: HTMLElement): void {
  const { order, orderId } = evidence;
  const values = words(facts);
  list.replaceChildren(
    sellerStep(evidence, order, facts),
    logisticsStep(order, facts, orderId),
    platformStep(order, facts, orderId),
    step(t('guideRefundTitle'), el('p', t('guideRefund', values)), el('p', t('guideTimeWindow', values)), sourceLine(facts.timeWindow)),
    ...specialSteps(order),
    step(t('guideScamTitle'), el('p', t('guideScam', values)), el('p', t('guideScamLinks'))),
  );
}

export async function startGuidePage(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const orderId = query.get('order')?.trim() ?? '';
  const list = document.getElementById('guide-steps')!;
  const title = document.getElementById('guide-title')!;
  const lead = document.getElementById('guide-lead');
  if (!orderId) {
    const facts = platformFacts(query.get('platform'));
    if (query.get('platform') && facts !== platformFacts('generic')) title.textContent = t('guideTitleFor', { platform: facts.name[lang()] });
    renderGeneral(facts, list);
  } else {
    title.textContent = t('guideOrderTitle', { id: orderId });
    // Back to the order this guide is about, not to the list of every capture.
    const back = document.getElementById('back-link');
    if (back) {
      back.setAttribute('href', `/orders/${encodeURIComponent(orderId)}`);
      back.textContent = t('guideBackToOrder', { id: orderId });
    }
    try {
      const evidence = await loadOrderEvidence(orderId);
      const facts = platformFacts(query.get('platform') ?? evidence.platform);
      if (lead) lead.textContent = evidence.snapshots.length > 0 ? t('guideOrderLead') : t('guideOrderNotFound', { id: orderId });
      const order = evidence.order;
      if (order) {
        const summary = document.getElementById('guide-summary')!;
        summary.textContent = t('guideOrderSummary', {
          platform: facts.name[lang()],
          shop: order.shop?.value ?? '—',
          amount: order.totalPaid ? formatAmount(order.totalPaid.value, order.currency) : '—',
        });
        summary.hidden = false;
      }
      renderOrder(evidence, facts, list);
    } catch (error) {
      showError(t('loadFailed', { message: error instanceof ApiError || error instanceof Error ? error.message : String(error) }));
      renderGeneral(platformFacts(query.get('platform')), list);
    }
  }
  await connectLive({});
}
