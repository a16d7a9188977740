import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHOPS } from '../shops';
import { formatMessage, type Messages } from './i18n';

const extension = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const locale = (name: string) => JSON.parse(readFileSync(join(extension, '_locales', name, 'messages.json'), 'utf8')) as Messages;
const en = locale('en');
const zh = locale('zh_CN');

/** Every message key the sources ask for, as a string literal. */
function keysUsed(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|html)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/\b(?:t|message|getMessage)\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1]!);
        for (const match of text.matchAll(/data-i18n(?:-placeholder)?="([A-Za-z0-9_]+)"/g)) keys.add(match[1]!);
      }
    }
  };
  walk(join(extension, 'src'));
  return keys;
}

describe('locales', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('give each message the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(Object.keys(zh[key]?.placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
      for (const [name, { content }] of Object.entries(en[key]!.placeholders ?? {})) {
        expect(zh[key]!.placeholders![name]!.content, `${key}.${name}`).toBe(content);
      }
    }
  });

  it('hold every key the sources use', () => {
    const missing = [...keysUsed()].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('name every platform', () => {
    for (const shop of [...SHOPS.map((s) => s.id), 'generic']) {
      expect(en[`shop_${shop}`], shop).toBeDefined();
      expect(zh[`shop_${shop}`], shop).toBeDefined();
    }
  });
});

describe('formatMessage', () => {
  it('fills named placeholders from the substitutions, as Chrome does', () => {
    const entry = { message: 'You clicked “$BUTTON$” on $SITE$.', placeholders: { button: { content: '$1' }, site: { content: '$2' } } };
    expect(formatMessage(entry, ['确认收货', 'Taobao'])).toBe('You clicked “确认收货” on Taobao.');
  });

  it('keeps $$ as a dollar sign and leaves missing substitutions empty', () => {
    expect(formatMessage({ message: 'Costs $$5 $1' })).toBe('Costs $5 ');
  });

  it('formats every shipped message without leaving a placeholder behind', () => {
    for (const messages of [en, zh]) {
      for (const [key, entry] of Object.entries(messages)) {
        expect(formatMessage(entry, ['a', 'b', 'c', 'd']), key).not.toMatch(/\$[A-Z_]+\$/);
      }
    }
  });
});
