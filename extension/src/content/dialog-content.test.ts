import { describe, expect, it } from 'vitest';
import type { OrderFacts } from '../shops/order-facts';
import { buildDialogContent, formatDuration, type DialogInput, type Translate } from './dialog-content';

/** Shows which message was asked for, with its substitutions: the wording itself is the locale files' business. */
const t: Translate = (key, subs = []) => (subs.length ? `${key}(${subs.join('|')})` : key);

const facts: OrderFacts = {
  orderId: '3312345678901234567',
  shop: '优品数码旗舰店',
  items: ['耳机', '充电线', '保护套'],
  amount: '￥129.00',
  amountValue: 129,
  status: '卖家已发货',
  logistics: { text: null, delivery: 'in-transit' },
  deadline: { text: '还剩8天9时', remainingMs: (8 * 24 + 9) * 3_600_000 },
  presale: false,
  customMade: false,
  cashOnDelivery: false,
};
const input: DialogInput = { facts, buttonText: '确认收货', shopName: '淘宝', friction: 'checklist', typeAboveAmount: 500, lang: 'zh-CN' };

describe('buildDialogContent', () => {
  it('says which order, what the page says, and that the deadline leaves time', () => {
    const content = buildDialogContent(input, t);
    expect(content.summary).toEqual([
      { label: 'factOrder', value: '3312345678901234567' },
      { label: 'factShop', value: '优品数码旗舰店' },
      { label: 'factItems', value: '耳机；充电线 factMoreItems(1)' },
      { label: 'factAmount', value: '￥129.00' },
      { label: 'factStatus', value: '卖家已发货' },
    ]);
    expect(content.warnings).toEqual([
      { kind: 'logistics', text: 'warnNotDeliveredStatus(卖家已发货)' },
      { kind: 'deadline', text: 'warnDeadline(durationDaysHours(8|9))' },
    ]);
    expect(content.clicked).toBe('dialogClicked(确认收货|淘宝)');
  });

  it('asks about the logistics only when it does not say delivered', () => {
    const delivered = buildDialogContent({ ...input, facts: { ...facts, logistics: { text: '已签收', delivery: 'delivered' } } }, t);
    expect(delivered.checklist.map((c) => c.id)).toEqual(['received', 'inspected', 'nobody-asked']);
    expect(delivered.warnings.map((w) => w.kind)).toEqual(['deadline']);
    expect(buildDialogContent(input, t).checklist.map((c) => c.id)).toEqual(['received', 'inspected', 'logistics', 'nobody-asked']);
  });

  it('warns about each special case on its own', () => {
    const special = buildDialogContent({ ...input, facts: { ...facts, presale: true, customMade: true, cashOnDelivery: true, deadline: null } }, t);
    expect(special.warnings.map((w) => w.kind)).toEqual(['logistics', 'presale', 'custom', 'cod']);
  });

  it('quotes the page when it gives a date instead of time left', () => {
    const dated = buildDialogContent({ ...input, facts: { ...facts, deadline: { text: '自动确认收货时间：2026-12-05', remainingMs: null } } }, t);
    expect(dated.warnings[1]).toEqual({ kind: 'deadline', text: 'warnDeadlineText(自动确认收货时间：2026-12-05)' });
  });

  it('says the status is not shown rather than leaving it out', () => {
    const unknown = buildDialogContent({ ...input, facts: { ...facts, status: null } }, t);
    expect(unknown.summary.find((s) => s.label === 'factStatus')?.value).toBe('factNotShown');
    expect(unknown.warnings[0]).toEqual({ kind: 'logistics', text: 'warnNotDelivered' });
  });

  it('follows the friction setting: checklist, typed word above the amount (or when the amount is unknown), or none', () => {
    expect(buildDialogContent({ ...input, friction: 'simple' }, t).checklist).toEqual([]);
    expect(buildDialogContent({ ...input, friction: 'type' }, t).typeToConfirm).toBeNull();
    expect(buildDialogContent({ ...input, friction: 'type', typeAboveAmount: 100 }, t).typeToConfirm).toEqual({
      prompt: 'typePrompt(100|typeWord)',
      word: 'typeWord',
    });
    expect(buildDialogContent({ ...input, friction: 'type', facts: { ...facts, amountValue: null } }, t).typeToConfirm).not.toBeNull();
    expect(buildDialogContent({ ...input, friction: 'checklist', typeAboveAmount: 1 }, t).typeToConfirm).toBeNull();
  });
});

describe('formatDuration', () => {
  it('rounds to hours, and shows days when there are any', () => {
    expect(formatDuration(5 * 3_600_000 + 20 * 60_000, t)).toBe('durationHours(5)');
    expect(formatDuration(26 * 3_600_000, t)).toBe('durationDaysHours(1|2)');
  });
});
