import { describe, expect, it } from 'vitest';
import { filtersFromSearch, isFiltered, ordersQueryString } from './orders-query';

describe('ordersQueryString', () => {
  it('is empty without filters and leaves out blanks and the default paging', () => {
    expect(ordersQueryString({})).toBe('');
    expect(ordersQueryString({ q: '  ', platform: '', offset: 0, limit: 50 })).toBe('');
  });

  it('encodes each set filter under the name the host reads', () => {
    const query = ordersQueryString({ q: '保温杯 500ml', platform: 'taobao', decision: 'confirmed', status: 'shipped', from: '2026-11-01', to: '2026-11-30', offset: 50 });
    const params = new URLSearchParams(query);
    expect(query.startsWith('?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      q: '保温杯 500ml',
      platform: 'taobao',
      decision: 'confirmed',
      status: 'shipped',
      from: '2026-11-01',
      to: '2026-11-30',
      offset: '50',
    });
  });

  it('escapes characters that would otherwise start a new parameter', () => {
    expect(new URLSearchParams(ordersQueryString({ q: 'a&limit=1#x' })).get('q')).toBe('a&limit=1#x');
    expect(new URLSearchParams(ordersQueryString({ q: 'a&limit=1' })).get('limit')).toBeNull();
  });
});

describe('filtersFromSearch', () => {
  it('round-trips what ordersQueryString wrote', () => {
    const filters = { q: '3312', platform: 'jd', decision: 'none', status: 'delivered', from: '2026-11-01', to: '2026-11-02', offset: 100 } as const;
    expect(filtersFromSearch(ordersQueryString(filters))).toEqual(filters);
  });

  it('drops values the host would reject', () => {
    expect(filtersFromSearch('?decision=maybe&status=lost&from=yesterday&to=2026-11-02T00:00&platform=%3Cb%3E&offset=-5')).toEqual({});
  });

  it('tells a filtered list from the plain one', () => {
    expect(isFiltered(filtersFromSearch('?offset=50'))).toBe(false);
    expect(isFiltered(filtersFromSearch('?status=shipped'))).toBe(true);
  });
});
