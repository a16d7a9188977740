import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHOPS } from '.';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
  content_scripts: { matches: string[]; run_at: string; all_frames: boolean; world?: string; js: string[] }[];
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
};

/** Width and height from a PNG's IHDR chunk, the first after the 8-byte signature (big-endian, bytes 16–23). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest', () => {
  it('runs the content script exactly where the platform modules say (one source of truth: src/shops)', () => {
    const fromModules = [...new Set(SHOPS.flatMap((shop) => shop.matches))].sort();
    expect([...manifest.content_scripts[0]!.matches].sort()).toEqual(fromModules);
  });

  it('runs it at document_start in every frame, so the guard is ahead of the page', () => {
    expect(manifest.content_scripts[0]).toMatchObject({ run_at: 'document_start', all_frames: true, js: ['content.js'] });
  });

  it('runs the page-world replay helper on exactly the same pages', () => {
    expect(manifest.content_scripts[1]).toMatchObject({ world: 'MAIN', js: ['page-world.js'], run_at: 'document_start', all_frames: true });
    expect(manifest.content_scripts[1]!.matches).toEqual(manifest.content_scripts[0]!.matches);
  });

  it('gives every platform a match pattern on one of its own domains', () => {
    for (const shop of SHOPS) {
      expect(shop.matches.length, shop.id).toBeGreaterThan(0);
      for (const pattern of shop.matches) {
        const host = /^\*:\/\/(?:\*\.)?([^/]+)\//.exec(pattern)?.[1] ?? '';
        expect(shop.domains.some((d) => host === d || host.endsWith(`.${d}`)), `${shop.id}: ${pattern}`).toBe(true);
      }
    }
  });

  // Browsers (and Firefox's add-on linter) want each icon to be the size its key says; a wrong one looks blurred.
  it('names icons that exist as PNGs of the size of their key, in the toolbar sizes too', () => {
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    expect(Object.keys(manifest.action?.default_icon ?? {}).sort()).toEqual(['16', '32']);
    for (const set of [manifest.icons, manifest.action?.default_icon]) {
      for (const [key, path] of Object.entries(set ?? {})) {
        const size = Number(key);
        expect(pngSize(readFileSync(join(extensionDir, path))), path).toEqual({ width: size, height: size });
      }
    }
  });
});
