import { describe, expect, it } from 'vitest';
import { CARRIER_FACTS, LAST_CHECKED, PLATFORM_FACTS, factUrl, findCarrier, platformFacts, type Fact } from './guide-facts';

const PLATFORMS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'aliexpress', '1688', 'xianyu', 'vipshop', 'suning', 'dangdang', 'shopee', 'lazada', 'generic'];

function checkFact(fact: Fact, where: string): void {
  expect(fact.en.trim(), `${where}.en`).not.toBe('');
  expect(fact.zh.trim(), `${where}.zh`).not.toBe('');
  expect(fact.source.trim(), `${where}.source`).not.toBe('');
  expect(fact.source === 'seed article' || fact.source.startsWith('FIELD-NOTES.md (') || fact.source.startsWith('https://'), `${where}.source`).toBe(true);
  expect(fact.lastChecked, `${where}.lastChecked`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Number.isNaN(Date.parse(fact.lastChecked)), `${where}.lastChecked`).toBe(false);
  if (fact.url !== null) {
    expect(new URL(fact.url.replace('{orderId}', '1')).protocol, `${where}.url`).toBe('https:');
  }
  if (fact.source.startsWith('http')) expect(new URL(fact.source).protocol, `${where}.source`).toBe('https:');
}

describe('platform facts', () => {
  it('cover every platform the parsers know, with every field sourced and dated', () => {
    expect(Object.keys(PLATFORM_FACTS).sort()).toEqual([...PLATFORMS].sort());
    for (const [name, facts] of Object.entries(PLATFORM_FACTS)) {
      expect(facts.name.en, name).not.toBe('');
      expect(facts.name.zh, name).not.toBe('');
      for (const field of ['orderPage', 'chat', 'afterSales', 'timeWindow'] as const) checkFact(facts[field], `${name}.${field}`);
    }
  });

  it('were last checked on the date the module states', () => {
    expect(LAST_CHECKED).toBe('2026-11-26');
    const all = [...Object.values(PLATFORM_FACTS).flatMap((p) => [p.orderPage, p.chat, p.afterSales, p.timeWindow]), ...Object.values(CARRIER_FACTS).map((c) => c.tracking)];
    expect(all.every((fact) => fact.lastChecked === LAST_CHECKED)).toBe(true);
  });

  it('put the order id into an order page address, encoded', () => {
    expect(factUrl(PLATFORM_FACTS.jd!.orderPage, '123&x=1')).toBe('https://details.jd.com/normal/item.action?orderid=123%26x%3D1');
    expect(factUrl(PLATFORM_FACTS.vipshop!.orderPage, '1')).toBeNull();
  });

  it('fall back to the generic facts for unknown or missing platforms', () => {
    expect(platformFacts('TAOBAO')).toBe(PLATFORM_FACTS.taobao);
    expect(platformFacts('nowhere')).toBe(PLATFORM_FACTS.generic);
    expect(platformFacts(null)).toBe(PLATFORM_FACTS.generic);
    expect(platformFacts('toString')).toBe(PLATFORM_FACTS.generic);
  });
});

describe('carrier facts', () => {
  it('have a sourced, dated tracking fact for each carrier', () => {
    for (const [name, carrier] of Object.entries(CARRIER_FACTS)) {
      checkFact(carrier.tracking, `${name}.tracking`);
      expect(carrier.aliases.length, name).toBeGreaterThan(0);
    }
  });

  it('recognise carriers as pages name them', () => {
    expect(findCarrier('顺丰速运')).toBe(CARRIER_FACTS.sf);
    expect(findCarrier('中通快递')).toBe(CARRIER_FACTS.zto);
    expect(findCarrier('京东物流')).toBe(CARRIER_FACTS.jdl);
    expect(findCarrier('J&T Express')).toBe(CARRIER_FACTS.jt);
    expect(findCarrier('Ninja Van')).toBe(CARRIER_FACTS.ninjavan);
    expect(findCarrier('SF Express')).toBe(CARRIER_FACTS.sf);
  });

  it('do not guess from a few letters inside other words', () => {
    expect(findCarrier('Stonehenge Couriers')).toBeNull();
    expect(findCarrier('')).toBeNull();
    expect(findCarrier(null)).toBeNull();
  });
});
