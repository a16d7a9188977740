// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ParsedOrder, ParsedPage } from './api';
import { isWebUrl, renderParsedPage } from './parsed-orders';

const order = (id: string, isSubject: boolean, actions: ParsedOrder['actions'] = []): ParsedOrder => ({
  orderId: { value: id, source: 'embedded' },
  shop: { value: '某某旗舰店', source: 'selector' },
  seller: null,
  items: [
    {
      title: { value: '保温杯 500ml', source: 'embedded' },
      sku: { value: '颜色：白', source: 'embedded' },
      quantity: { value: 2, source: 'embedded' },
      unitPrice: { value: 59.5, source: 'embedded' },
      paidAmount: null,
    },
  ],
  totalPaid: { value: 119, source: 'label' },
  currency: 'CNY',
  orderTime: null,
  statusText: { value: '卖家已发货', source: 'selector' },
  status: 'shipped',
  logistics: null,
  autoConfirmDeadline: null,
  flags: { presale: false, customMade: false, cashOnDelivery: false },
  actions,
  isSubject,
});

describe('renderParsedPage', () => {
  it('puts the subject order first, marks it, and badges each value with its source', () => {
    const page: ParsedPage = { platform: 'taobao', kind: 'list', parser: 'test', notes: [], orders: [order('111', false), order('222', true)] };
    const box = document.createElement('div');

    renderParsedPage(page, box);

    const articles = box.querySelectorAll('article.order');
    expect(articles).toHaveLength(2);
    expect(articles[0]!.classList.contains('subject')).toBe(true);
    expect(articles[0]!.querySelector('h3')!.textContent).toContain('222');
    expect(articles[0]!.querySelector('.subject-mark')).not.toBeNull();
    expect(articles[1]!.querySelector('.subject-mark')).toBeNull();
    expect(articles[0]!.querySelector('h3 .source')!.textContent).toBe('page data');
    expect([...articles[0]!.querySelectorAll('.source-label')].map((b) => b.textContent)).toEqual(['next to a label']);
    expect(articles[0]!.textContent).toContain('保温杯 500ml');
    expect(articles[0]!.textContent).toContain('shipped');
    expect(articles[0]!.textContent).toContain('卖家已发货');
  });

  it('opens web actions in a new tab without opener or referrer, and never links other schemes', () => {
    const actions = [
      { kind: 'confirm-receipt', text: '确认收货', url: 'https://trade.taobao.com/confirm?id=1' },
      { kind: 'after-sales', text: '申请售后', url: 'javascript:void(0)' },
      { kind: 'extend-receipt', text: '延长收货', url: null },
    ];
    const box = document.createElement('div');

    renderParsedPage({ platform: 'taobao', kind: 'detail', parser: 'test', notes: ['a note'], orders: [order('1', true, actions)] }, box);

    const links = box.querySelectorAll('ul.actions a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://trade.taobao.com/confirm?id=1');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(box.querySelectorAll('ul.actions li')).toHaveLength(3);
    expect(box.querySelector('ul.notes')!.textContent).toBe('a note');
  });

  it('says so when the page had no orders', () => {
    const box = document.createElement('div');
    renderParsedPage({ platform: 'generic', kind: 'unknown', parser: 'generic/0', notes: [], orders: [] }, box);
    expect(box.textContent).toContain('No orders were found');
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://a.example/x', true],
    ['http://a.example/x', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['/relative', false],
    [null, false],
  ])('%j → %j', (url, expected) => expect(isWebUrl(url)).toBe(expected));
});
