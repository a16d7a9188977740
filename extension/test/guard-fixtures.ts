// The guard specs under tests/fixtures/shops/<platform>/*.guard.json and their pages, for the unit tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderCheck } from '../src/content/controls';

// Paths, not URLs: under happy-dom the global URL is the DOM's, which node:fs does not accept.
const shopsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'shops');

/** What the page says about the control's order (see order-facts.ts); only the keys given are checked. */
export interface ExpectedFacts {
  shop?: string | null;
  /** The first item titles, in order. */
  items?: string[];
  amount?: string | null;
  status?: string | null;
  delivery?: 'delivered' | 'in-transit' | 'unknown';
  /** The deadline as the page words it ("还剩8天9时"), "" for one read only from embedded data, null for none. */
  deadline?: string | null;
  presale?: boolean;
  customMade?: boolean;
  cashOnDelivery?: boolean;
}

export interface GuardedControl {
  selector: string;
  /** The control is in this element's open shadow root / this iframe: checked by the e2e suite only. */
  shadow?: string;
  frame?: string;
  orderHint: string | null;
  activate?: 'mouse' | 'keyboard' | 'touch';
  facts?: ExpectedFacts;
  replay: { kind: 'link' | 'blank' | 'form'; url: string } | { kind: 'handler'; action: string };
}

export interface GuardSpec {
  /** "<platform>/<file>.guard.json" */
  name: string;
  platform: string;
  url: string;
  fixture: string;
  site: string;
  guarded: GuardedControl[];
  notGuarded: string[];
}

export function guardSpecs(): GuardSpec[] {
  const specs: GuardSpec[] = [];
  for (const platform of readdirSync(shopsDir, { withFileTypes: true })) {
    if (!platform.isDirectory()) continue;
    for (const file of readdirSync(join(shopsDir, platform.name))) {
      if (!file.endsWith('.guard.json')) continue;
      const spec = JSON.parse(readFileSync(join(shopsDir, platform.name, file), 'utf8')) as Omit<GuardSpec, 'name' | 'platform'>;
      specs.push({ ...spec, name: `${platform.name}/${file}`, platform: platform.name });
    }
  }
  return specs;
}

/** A fixture page's text, decoded with the charset its meta tag declares (Taobao's pages are GBK). */
export function fixtureHtml(platform: string, file: string): string {
  const bytes = readFileSync(join(shopsDir, platform, file));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  const charset = /<meta[^>]+charset=["']?([\w-]+)/.exec(head)?.[1] ?? 'utf-8';
  return new TextDecoder(charset).decode(bytes);
}

/**
 * happy-dom has no layout, so "rendered" is judged from styles alone: not hidden, not display:none or
 * visibility:hidden, and not sized 0×0 in an inline style. The real check (checkVisibility and the element's box)
 * runs in the e2e tests.
 */
export const styleOnlyRendered: RenderCheck = (element) => {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (el.hasAttribute('hidden')) return false;
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  const inline = (element as HTMLElement).style;
  return !(inline && parseFloat(inline.width) === 0 && parseFloat(inline.height) === 0);
};
