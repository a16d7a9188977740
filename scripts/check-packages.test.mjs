import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { distManifest } from '../extension/build.mjs';
import { listFiles, readTarGz, readZip, text, writeTarGz, writeZip } from './archives.mjs';
import { filesNamedBy, hostVersionFromDeps, manifestProblems } from './check-packages.mjs';
import { parseArgs } from './package.mjs';

const source = JSON.parse(readFileSync(new URL('../extension/manifest.json', import.meta.url), 'utf8'));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('the built manifest', () => {
  it("carries package.json's version, the only one: the source manifest has none", async () => {
    expect(source.version).toBeUndefined();
    expect((await distManifest()).version).toBe(version);
  });
});

describe('manifestProblems', () => {
  const manifest = { ...source, version };
  const allFiles = new Set(filesNamedBy(manifest));

  it('names every file the browsers load from the manifest', () => {
    expect(filesNamedBy(manifest)).toEqual(['_locales/en/messages.json', 'background.js', 'content.js', 'icons/icon-128.png', 'icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-48.png', 'options.html', 'page-world.js', 'popup.html']);
  });

  it('passes the real manifest for both browsers', () => {
    expect(manifestProblems(manifest, allFiles, 'chrome', version)).toEqual([]);
    expect(manifestProblems(manifest, allFiles, 'firefox', version)).toEqual([]);
  });

  it('finds a version that differs, a missing file and a source map', () => {
    const names = new Set([...allFiles, 'content.js.map']);
    names.delete('page-world.js');
    expect(manifestProblems({ ...manifest, version: '9.9.9' }, names, 'chrome', version)).toEqual([
      `version is 9.9.9, package.json says ${version}`,
      'names page-world.js, which the package lacks',
      'holds source maps (content.js.map)',
    ]);
  });

  it('wants a service worker for Chromium and the gecko settings and background scripts for Firefox', () => {
    const bare = { ...manifest, background: {}, browser_specific_settings: undefined, key: undefined };
    expect(manifestProblems(bare, allFiles, 'chrome', version)).toEqual([
      'no background.service_worker (Chromium runs no MV3 background without it)',
      'no key: the extension id would not be ajghgehgklbhocdpbjaaopohgmbfmgaj',
    ]);
    expect(manifestProblems(bare, allFiles, 'firefox', version)).toEqual([
      'no browser_specific_settings.gecko.id (Firefox requires one in MV3)',
      'no browser_specific_settings.gecko.data_collection_permissions.required',
      'no background.scripts (Firefox has no MV3 service worker)',
    ]);
  });
});

describe('hostVersionFromDeps', () => {
  it("reads the host project's own library entry", () => {
    const deps = { libraries: { 'AngleSharp/1.10.3': {}, 'ReceiptGuard.Host/1.2.3': { type: 'project' } } };
    expect(hostVersionFromDeps(JSON.stringify(deps))).toBe('1.2.3');
    expect(hostVersionFromDeps(JSON.stringify({ libraries: {} }))).toBeNull();
  });
});

describe('package options', () => {
  it('takes --rids and --skip-host and refuses what it does not know', () => {
    expect(parseArgs([])).toEqual({ rids: ['linux-x64', 'win-x64', 'osx-arm64'], skipHost: false, build: true });
    expect(parseArgs(['--rids', 'linux-x64,win-x64', '--skip-host'])).toEqual({ rids: ['linux-x64', 'win-x64'], skipHost: true, build: true });
    expect(parseArgs(['--rids=osx-arm64'])).toEqual({ rids: ['osx-arm64'], skipHost: false, build: true });
    expect(parseArgs(['--no-build']).build).toBe(false);
    expect(() => parseArgs(['--rids', 'linux-arm'])).toThrow(/--rids takes/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});

describe('archives', () => {
  let dir;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function folder() {
    dir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'archives-'));
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'run'), '#!/bin/sh\n');
    chmodSync(join(dir, 'in', 'run'), 0o755);
    writeFileSync(join(dir, 'in', 'sub', 'a.js'), 'a');
    writeFileSync(join(dir, 'in', 'sub', 'a.js.map'), '{}');
    return join(dir, 'in');
  }

  it('lists files sorted, leaving out what is excluded', () => {
    expect(listFiles(folder(), { exclude: (name) => name.endsWith('.map') })).toEqual(['run', 'sub/a.js']);
  });

  it('round-trips a tar.gz under its top folder, keeping the executable bit', async () => {
    const input = folder();
    await writeTarGz(join(dir, 'x.tar.gz'), input, listFiles(input), { prefix: 'top/' });
    const entries = await readTarGz(join(dir, 'x.tar.gz'));
    expect([...entries.keys()]).toEqual(['top/run', 'top/sub/a.js', 'top/sub/a.js.map']);
    expect(entries.get('top/run').mode & 0o777).toBe(0o755);
    expect(entries.get('top/sub/a.js').mode & 0o111).toBe(0);
  });

  it('round-trips a zip', () => {
    const input = folder();
    writeZip(join(dir, 'x.zip'), input, listFiles(input));
    const entries = readZip(join(dir, 'x.zip'));
    expect([...entries.keys()]).toEqual(['run', 'sub/a.js', 'sub/a.js.map']);
    expect(text(entries.get('sub/a.js').data)).toBe('a');
  });
});
