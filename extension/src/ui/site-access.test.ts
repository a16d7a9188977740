import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { manifestOrigins, siteAccess } from './site-access';

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

describe('siteAccess', () => {
  it('checks and requests exactly the manifest origins', async () => {
    const permissions = { contains: vi.fn(async () => false), request: vi.fn(async () => true) };
    const access = siteAccess(permissions as unknown as typeof chrome.permissions, manifest);
    expect(await access.held()).toBe(false);
    expect(await access.request()).toBe(true);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: manifestOrigins(manifest) });
    expect(permissions.request).toHaveBeenCalledWith({ origins: manifestOrigins(manifest) });
  });
});
