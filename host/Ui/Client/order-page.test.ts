// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { orderIdFromPath, orderLinks } from './order-page';

describe('orderIdFromPath', () => {
  it('reads the order id, decoded', () => {
    expect(orderIdFromPath('/orders/3312345678901234567')).toBe('3312345678901234567');
    expect(orderIdFromPath('/orders/A%2FB%20C/')).toBe('A/B C');
  });

  it('is null for other addresses and broken escapes', () => {
    expect(orderIdFromPath('/orders')).toBeNull();
    expect(orderIdFromPath('/orders/1/2')).toBeNull();
    expect(orderIdFromPath('/orders/%E0%A4%A')).toBeNull();
  });
});

describe('orderLinks', () => {
  it('points the guide, the report and the exports at the order', () => {
    expect(orderLinks('3312 & 1', 'taobao')).toEqual({
      guide: '/guide?order=3312+%26+1&platform=taobao',
      report: '/report?order=3312+%26+1',
      zip: '/api/export?order=3312%20%26%201&format=zip',
      wacz: '/api/export?order=3312%20%26%201&format=wacz',
    });
    expect(orderLinks('1', '').guide).toBe('/guide?order=1');
  });
});
