import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHOPS } from '.';

const manifest = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'manifest.json'), 'utf8')) as {
  content_scripts: { matches: string[]; run_at: string; all_frames: boolean; world?: string; js: string[] }[];
};

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
});
