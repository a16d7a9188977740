// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ParsedOrder } from './api';
import { platformFacts } from './guide-facts';
import { logisticsStep } from './guide-page';

function order(actions: ParsedOrder['actions']): ParsedOrder {
  return {
    orderId: { value: '3398765432100000001', source: 'embedded' },
    shop: null,
    seller: null,
    items: [],
    totalPaid: null,
    currency: 'CNY',
    orderTime: null,
    statusText: null,
    status: 'shipped',
    logistics: { carrier: { value: '中通快递', source: 'selector' }, trackingNumber: { value: '75312345678901', source: 'selector' }, latestEvent: null, latestEventTime: null, events: [] },
    autoConfirmDeadline: null,
    flags: { presale: false, customMade: false, cashOnDelivery: false },
    actions,
    isSubject: true,
  };
}

describe('the logistics step', () => {
  const facts = platformFacts('taobao');
  const logistics = 'https://buyertrade.taobao.com/trade/logistics.htm?bizOrderId=3398765432100000001';

  it('links the order’s logistics view the captured page offered, named as the page named it', () => {
    const item = logisticsStep(order([{ kind: 'logistics', text: '查看物流', url: logistics }]), facts, '3398765432100000001');
    const link = item.querySelector<HTMLAnchorElement>('#page-logistics');
    expect(link?.getAttribute('href')).toBe(logistics);
    expect(link?.textContent).toContain('查看物流');
    expect(link?.rel).toBe('noreferrer noopener');
    expect((item.querySelector('#tracking-number') as HTMLInputElement).value).toBe('75312345678901');
  });

  it('offers no link for a logistics control without a web address', () => {
    for (const url of [null, 'javascript:alert(1)']) {
      const item = logisticsStep(order([{ kind: 'logistics', text: '查看物流', url }]), facts, '1');
      expect(item.querySelector('#page-logistics')).toBeNull();
    }
    expect(logisticsStep(order([]), facts, '1').querySelector('#page-logistics')).toBeNull();
  });
});
