import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { manifestOrigins, originsCovered, siteAccess } from './site-access';

const manifest = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'manifest.json'), 'utf8')) as chrome.runtime.Manifest;

describe('manifestOrigins', () => {
  it('asks for every content-script match and host permission of the shipped manifest, once each', () => {
    const origins = manifestOrigins(manifest);
    const expected = new Set([...manifest.content_scripts!.flatMap((s) => s.matches!), ...manifest.host_permissions!]);
    expect(new Set(origins)).toEqual(expected);
    expect(origins).toHaveLength(expected.size);
    expect(origins).toContain('*://trade.taobao.com/*');
    expect(origins).toContain('http://127.0.0.1/*');
  });

  it('does not ask for the optional permissions (all sites for screenshots, generic sites)', () => {
    expect(manifestOrigins(manifest)).not.toContain('<all_urls>');
    expect(manifestOrigins(manifest)).not.toContain('*://*/*');
  });

  it('copes with a manifest without content scripts or host permissions', () => {
    expect(manifestOrigins({})).toEqual([]);
  });
});

describe('originsCovered', () => {
  const required = ['*://trade.taobao.com/*', '*://*.aliexpress.ru/order-list*', 'http://127.0.0.1/*'];

  it('holds when every pattern is granted, however the browser writes the path', () => {
    expect(originsCovered(required, ['*://trade.taobao.com/*', '*://*.aliexpress.ru/*', 'http://127.0.0.1/*'])).toBe(true);
    expect(originsCovered(required, [...required, 'https://other.example/*'])).toBe(true);
  });

  it('does not hold while one shop site is withheld', () => {
    expect(originsCovered(required, ['*://trade.taobao.com/*', 'http://127.0.0.1/*'])).toBe(false);
    expect(originsCovered(required, [])).toBe(false);
  });

  it('does not take a look-alike host for the real one', () => {
    expect(originsCovered(['*://trade.taobao.com/*'], ['*://trade.taobao.com.evil.test/*'])).toBe(false);
  });

  it('holds when every site is granted (after the screenshot permission)', () => {
    expect(originsCovered(required, ['<all_urls>'])).toBe(true);
    expect(originsCovered(required, ['*://*/*'])).toBe(true);
  });
});

describe('siteAccess', () => {
  it('compares the granted origins with the manifest and requests exactly the manifest origins', async () => {
    const granted = manifestOrigins(manifest).filter((origin) => origin !== '*://trade.taobao.com/*');
    const permissions = { getAll: vi.fn(async () => ({ origins: granted })), request: vi.fn(async () => true) };
    const access = siteAccess(permissions as unknown as typeof chrome.permissions, manifest);
    expect(await access.held()).toBe(false);
    expect(await access.request()).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ origins: manifestOrigins(manifest) });
    permissions.getAll.mockResolvedValue({ origins: manifestOrigins(manifest) });
    expect(await access.held()).toBe(true);
  });
});
