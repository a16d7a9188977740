// @vitest-environment happy-dom
// Every guard spec under tests/fixtures/shops: the platform module and the scanner must find exactly the listed
// controls, none of the look-alikes, and the right order id for each. The e2e suite runs the same specs in Chromium.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml, guardSpecs, styleOnlyRendered } from '../../test/guard-fixtures';
import { scanSubtree } from '../content/scanner';
import { factsFor, generic, labelsFor, orderHintFor, shopForHost } from '.';

describe.each(guardSpecs())('$name', (fullSpec) => {
  const page = new URL(fullSpec.url);
  // Controls in shadow roots and frames are the e2e suite's: happy-dom does not load frames.
  const spec = { ...fullSpec, guarded: fullSpec.guarded.filter((g) => !g.shadow && !g.frame) };
  const shop = shopForHost(page.hostname) ?? generic;

  beforeAll(() => {
    document.open();
    document.write(fixtureHtml(spec.platform, spec.fixture));
    document.close();
  });

  it(`belongs to ${spec.site}`, () => {
    expect(shop.id).toBe(spec.site);
  });

  it(`marks exactly the listed controls of the document itself`, () => {
    const found = scanSubtree(document.documentElement, labelsFor(shop), styleOnlyRendered).controls;
    const expected = spec.guarded.map(({ selector }) => {
      const matches = document.querySelectorAll(selector);
      expect(matches, selector).toHaveLength(1);
      return matches[0];
    });
    expect(found).toHaveLength(expected.length);
    for (const element of expected) expect(found, spec.guarded.find((g) => document.querySelector(g.selector) === element)?.selector).toContain(element);
  });

  it('never marks a look-alike', () => {
    const found = new Set(scanSubtree(document.documentElement, labelsFor(shop), styleOnlyRendered).controls);
    for (const selector of spec.notGuarded) {
      const lookAlikes = [...document.querySelectorAll(selector)];
      expect(lookAlikes.length, `${selector} matches nothing`).toBeGreaterThan(0);
      for (const element of lookAlikes) expect(found.has(element), selector).toBe(false);
    }
  });

  it.each(spec.guarded.length > 0 ? spec.guarded : [])('reads the order hint of $selector', ({ selector, orderHint }) => {
    expect(orderHintFor(shop, document.querySelector(selector)!, page)).toBe(orderHint);
  });

  const withFacts = spec.guarded.filter((g) => g.facts);
  it.each(withFacts.length > 0 ? withFacts : [])('reads what the page says about the order of $selector', ({ selector, facts: expected }) => {
    // As on a live page, where the scanner has marked every control: the row never reaches into another order's.
    for (const { selector: other } of spec.guarded) document.querySelector(other)!.setAttribute('data-receiptguard', 'guarded');
    const facts = factsFor(shop, document.querySelector(selector)!, page);
    const actual = {
      shop: facts.shop,
      items: facts.items.slice(0, expected!.items?.length ?? 0),
      amount: facts.amount,
      status: facts.status,
      delivery: facts.logistics.delivery,
      deadline: facts.deadline ? facts.deadline.text : null,
      presale: facts.presale,
      customMade: facts.customMade,
      cashOnDelivery: facts.cashOnDelivery,
    };
    expect(Object.fromEntries(Object.keys(expected!).map((key) => [key, actual[key as keyof typeof actual]]))).toEqual(expected);
  });
});
