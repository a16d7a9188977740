import { describe, expect, it } from 'vitest';
import { COMMON_LABELS, LabelMatcher, normalizeLabel } from './labels';

const labels = new LabelMatcher(COMMON_LABELS);

describe('normalizeLabel', () => {
  it.each([
    [' 确认\u00a0收货 ', '确认收货'],
    ['确\u200b认收货', '确认收货'],
    ['\ue600确认收货', '确认收货'],
    ['Confirm  Receipt', 'confirmreceipt'],
    ['ＣＯＮＦＩＲＭ ＲＥＣＥＩＰＴ', 'confirmreceipt'],
    ['確認收貨 >', '確認收貨'],
  ])('%j → %j', (raw, expected) => expect(normalizeLabel(raw)).toBe(expected));
});

describe('LabelMatcher.matches', () => {
  it.each(COMMON_LABELS)('accepts %s', (label) => expect(labels.matches(label)).toBe(true));

  it.each([
    '确认收货地址',
    '确认收货人',
    '收货人信息',
    '收货地址',
    '已确认收货',
    '确认收货时间',
    '待确认收货',
    '请在收到商品后再确认收货',
    '立即付款',
    '查看物流',
    '延长收货',
    'Confirm receipt address',
    'Order received on 12 May',
    '确认',
    '',
  ])('rejects %j', (text) => expect(labels.matches(text)).toBe(false));
});

describe('LabelMatcher.mayBePartOf', () => {
  it.each(['确认收货', '确认', ' 收货 ', 'Confirm', 'receipt', '구매'])('%j may be part of a label', (text) =>
    expect(labels.mayBePartOf(text)).toBe(true),
  );

  it.each(['确认收货地址', '卖家已发货', '   ', 'Your order has been shipped and will arrive soon', 'x'.repeat(100)])(
    '%j cannot be',
    (text) => expect(labels.mayBePartOf(text)).toBe(false),
  );
});
