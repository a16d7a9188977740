import { describe, expect, it } from 'vitest';
import { guardActive, normalizeHostUrl, normalizeSite, sitePattern } from './settings';

describe('normalizeHostUrl', () => {
  it.each([
    ['http://127.0.0.1:47831', 'http://127.0.0.1:47831'],
    [' http://localhost:5000/ ', 'http://localhost:5000'],
    ['http://[::1]:8080/path', 'http://[::1]:8080'],
  ])('accepts %s', (input, expected) => expect(normalizeHostUrl(input)).toBe(expected));

  it.each(['https://127.0.0.1:1', 'http://example.com', 'http://192.168.1.2:47831', 'not a url', 'http://u:p@127.0.0.1:1'])(
    'rejects %s',
    (input) => expect(normalizeHostUrl(input)).toBeNull(),
  );
});

describe('normalizeSite', () => {
  it.each([
    ['shop.example.com', 'https://shop.example.com'],
    ['https://shop.example.com/orders?page=2', 'https://shop.example.com'],
    ['http://localhost:8080/x', 'http://localhost:8080'],
    ['  HTTPS://Shop.Example.com  ', 'https://shop.example.com'],
  ])('%s → %s', (input, expected) => expect(normalizeSite(input)).toBe(expected));

  it.each(['', 'ftp://shop.example.com', 'not a site', 'chrome://extensions'])('rejects %j', (input) => expect(normalizeSite(input)).toBeNull());

  it('covers every path of the site, whatever the port', () => {
    expect(sitePattern('http://localhost:8080')).toBe('http://localhost/*');
    expect(sitePattern('https://shop.example.com')).toBe('https://shop.example.com/*');
  });
});

describe('guardActive', () => {
  const base = { disabledShops: [], pausedUntil: {} };
  it('is on by default', () => expect(guardActive(base, 'taobao', 'buyertrade.taobao.com')).toBe(true));
  it('is off for a switched-off platform', () => expect(guardActive({ ...base, disabledShops: ['taobao'] }, 'taobao', 'x.taobao.com')).toBe(false));
  it('is off while the site is paused, and on again after', () => {
    const paused = { ...base, pausedUntil: { 'buyertrade.taobao.com': 1_000 } };
    expect(guardActive(paused, 'taobao', 'buyertrade.taobao.com', 999)).toBe(false);
    expect(guardActive(paused, 'taobao', 'buyertrade.taobao.com', 1_000)).toBe(true);
    expect(guardActive(paused, 'taobao', 'trade.taobao.com', 999)).toBe(true);
  });
});
