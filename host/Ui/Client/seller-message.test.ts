import { describe, expect, it } from 'vitest';
import { SITUATIONS, sellerMessageEn, sellerMessageZh, type MessageFacts } from './seller-message';

const facts: MessageFacts = {
  orderId: '3287654321012345678',
  items: ['无线蓝牙耳机 降噪版', '耳机保护套'],
  amount: '¥129.00',
  situation: 'mistake',
  confirmedAt: '2026年11月25日 14:03',
};

describe('seller messages', () => {
  it('fill the order id, the items, the amount and the confirm time, in Chinese', () => {
    const text = sellerMessageZh(facts);
    expect(text).toContain('订单号：3287654321012345678');
    expect(text).toContain('商品：无线蓝牙耳机 降噪版、耳机保护套');
    expect(text).toContain('实付金额：¥129.00');
    expect(text).toContain('我在 2026年11月25日 14:03 误点了“确认收货”');
  });

  it('fill the same facts in English', () => {
    const text = sellerMessageEn({ ...facts, amount: 'CN¥129.00', confirmedAt: 'Nov 25, 2026, 2:03 PM' });
    expect(text).toContain('Order number: 3287654321012345678');
    expect(text).toContain('Items: 无线蓝牙耳机 降噪版; 耳机保护套');
    expect(text).toContain('Amount paid: CN¥129.00');
    expect(text).toContain('confirm receipt" by mistake at Nov 25, 2026, 2:03 PM');
  });

  it('say what happened for each situation, differently', () => {
    const zh = SITUATIONS.map((situation) => sellerMessageZh({ ...facts, situation }));
    const en = SITUATIONS.map((situation) => sellerMessageEn({ ...facts, situation }));
    expect(new Set(zh).size).toBe(3);
    expect(new Set(en).size).toBe(3);
    expect(zh[1]).toContain('还没有收到包裹');
    expect(en[2]).toContain('damaged');
    expect(en[2]).not.toContain('by mistake');
  });

  it('leave out what is unknown instead of printing placeholders', () => {
    const text = sellerMessageEn({ orderId: 'A1', items: [], amount: null, situation: 'mistake', confirmedAt: null });
    expect(text).not.toMatch(/Items|Amount|undefined|null|\{/);
    expect(text).toContain('I clicked "confirm receipt" by mistake, but');
    expect(sellerMessageZh({ orderId: 'A1', items: ['  '], amount: null, situation: 'mistake', confirmedAt: null })).not.toMatch(/商品|实付|undefined|null/);
  });

  it('keep long item lists short', () => {
    const items = ['a'.repeat(60), 'b', 'c', 'd', 'e'];
    const en = sellerMessageEn({ ...facts, items });
    expect(en).toContain(`${'a'.repeat(39)}…; b; c and 2 more`);
    expect(sellerMessageZh({ ...facts, items })).toContain('等5件商品');
  });
});
