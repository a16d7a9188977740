// Checks what npm run package made (artifacts/packages): each extension manifest is valid for its browser and names
// only files the package holds, the Firefox package passes Firefox's add-on linter, SHA256SUMS matches, and every
// package carries package.json's version — the linux-x64 host by running it and asking GET /api/health.
// Usage: node scripts/check-packages.mjs [--report FILE.json]   (FILE gets {passed, failed, checks} for npm test)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTarGz, readZip, text } from './archives.mjs';
import { readJson, root } from './lib.mjs';
import { lintFirefox } from './lint-firefox.mjs';
import { allRids, packageNames, packagesDir } from './package.mjs';

/** Every file a manifest names: background, content scripts, pages, the default locale's messages, icons. */
export function filesNamedBy(manifest) {
  const files = new Set();
  const add = (path) => typeof path === 'string' && path.length > 0 && files.add(path.replace(/^\//, ''));
  add(manifest.background?.service_worker);
  for (const script of manifest.background?.scripts ?? []) add(script);
  add(manifest.background?.page);
  for (const script of manifest.content_scripts ?? []) for (const path of [...(script.js ?? []), ...(script.css ?? [])]) add(path);
  add(manifest.options_ui?.page);
  add(manifest.options_page);
  add(manifest.action?.default_popup);
  const icons = [manifest.icons, manifest.action?.default_icon];
  for (const set of icons) if (set) for (const path of typeof set === 'string' ? [set] : Object.values(set)) add(path);
  if (manifest.default_locale) add(`_locales/${manifest.default_locale}/messages.json`);
  return [...files].sort();
}

/**
 * Problems with an extension package's manifest for `browser` ("chrome" or "firefox"): its version against
 * `version`, the keys that browser needs, and the files it names against `names` (the package's file names).
 */
export function manifestProblems(manifest, names, browser, version) {
  const problems = [];
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${manifest.manifest_version}, not 3`);
  if (manifest.version !== version) problems.push(`version is ${manifest.version}, package.json says ${version}`);
  if (browser === 'chrome') {
    if (!manifest.background?.service_worker) problems.push('no background.service_worker (Chromium runs no MV3 background without it)');
    if (!manifest.key) problems.push('no key: the extension id would not be ajghgehgklbhocdpbjaaopohgmbfmgaj');
  } else {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (!gecko?.id) problems.push('no browser_specific_settings.gecko.id (Firefox requires one in MV3)');
    if (!(gecko?.data_collection_permissions?.required?.length > 0)) problems.push('no browser_specific_settings.gecko.data_collection_permissions.required');
    if (!(manifest.background?.scripts?.length > 0)) problems.push('no background.scripts (Firefox has no MV3 service worker)');
  }
  for (const file of filesNamedBy(manifest)) if (!names.has(file)) problems.push(`names ${file}, which the package lacks`);
  const maps = [...names].filter((name) => name.endsWith('.map'));
  if (maps.length > 0) problems.push(`holds source maps (${maps.join(', ')})`);
  return problems;
}

/** The host's version as its deps.json records it (the "ReceiptGuard.Host/<version>" library). */
export function hostVersionFromDeps(depsJson) {
  const libraries = Object.keys(JSON.parse(depsJson).libraries ?? {});
  return /^ReceiptGuard\.Host\/(.+)$/.exec(libraries.find((name) => name.startsWith('ReceiptGuard.Host/')) ?? '')?.[1] ?? null;
}

/** The files a self-contained host for `rid` must hold: its executable and SQLite's native library. */
export function hostFilesFor(rid) {
  if (rid.startsWith('win-')) return ['ReceiptGuard.Host.exe', 'e_sqlite3.dll'];
  if (rid.startsWith('osx-')) return ['ReceiptGuard.Host', 'libe_sqlite3.dylib'];
  return ['ReceiptGuard.Host', 'libe_sqlite3.so'];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Unpacks the linux host, runs it on a free loopback port with a scratch data folder, and returns /api/health's version. */
async function runHostVersion(entries, scratch) {
  rmSync(scratch, { recursive: true, force: true });
  for (const [name, { data, mode }] of entries) {
    const path = join(scratch, 'host', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    chmodSync(path, mode & 0o777);
  }
  const executable = [...entries.keys()].find((name) => name.endsWith('/ReceiptGuard.Host'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(join(scratch, 'host', executable), ['run', '--data', join(scratch, 'data'), '--urls', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the host exited (${child.exitCode}) before answering: ${output.trim().slice(-1000)}`);
      try {
        const response = await fetch(`${url}/api/health`);
        if (response.ok) return (await response.json()).version;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`no answer from ${url}/api/health within 30 s: ${output.trim().slice(-1000)}`);
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function checkPackages({ dir = packagesDir, rids = allRids } = {}) {
  const { version } = readJson(join(root, 'package.json'));
  const names = packageNames(version);
  const checks = [];
  const check = async (name, body) => {
    try {
      const problems = (await body()) ?? [];
      checks.push({ name, problems });
    } catch (error) {
      checks.push({ name, problems: [error instanceof Error ? error.message : String(error)] });
    }
  };
  const archive = (file) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run package`);
    return path;
  };

  for (const browser of ['chrome', 'firefox']) {
    await check(`${browser} package manifest and files`, () => {
      const entries = readZip(archive(names[browser]));
      const manifest = entries.get('manifest.json');
      if (!manifest) return ['no manifest.json at the top of the package'];
      return manifestProblems(JSON.parse(text(manifest.data)), new Set(entries.keys()), browser, version);
    });
  }
  await check('firefox package passes web-ext lint', async () =>
    (await lintFirefox(archive(names.firefox))).map((m) => `${m.type} ${m.code}: ${m.message}`),
  );

  for (const rid of rids) {
    await check(`host ${rid}: files and version`, async () => {
      const file = archive(names.host(rid));
      const entries = rid.startsWith('win-') ? readZip(file) : await readTarGz(file);
      const top = file.split('/').pop().replace(/\.(zip|tar\.gz)$/, '');
      const problems = [];
      for (const needed of hostFilesFor(rid)) if (!entries.has(`${top}/${needed}`)) problems.push(`lacks ${top}/${needed}`);
      if (!rid.startsWith('win-') && !((entries.get(`${top}/ReceiptGuard.Host`)?.mode ?? 0) & 0o100)) problems.push('ReceiptGuard.Host is not executable');
      const deps = entries.get(`${top}/ReceiptGuard.Host.deps.json`);
      const depsVersion = deps ? hostVersionFromDeps(text(deps.data)) : null;
      if (depsVersion !== version) problems.push(`deps.json says version ${depsVersion}, package.json ${version}`);
      // The one host this machine can run: start it and ask it, as a user would.
      if (rid === 'linux-x64' && process.platform === 'linux' && process.arch === 'x64' && problems.length === 0) {
        const running = await runHostVersion(entries, join(root, '.tmp', 'check-packages'));
        if (running !== version) problems.push(`GET /api/health says version ${running}, package.json ${version}`);
      }
      return problems;
    });
  }

  await check('SHA256SUMS matches the packages', () => {
    const lines = readFileSync(archive('SHA256SUMS'), 'utf8').trim().split('\n');
    const listed = new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]));
    const present = readdirSync(dir).filter((name) => name !== 'SHA256SUMS');
    const problems = present.filter((name) => !listed.has(name)).map((name) => `${name} is not listed`);
    for (const [name, sum] of listed) {
      if (!present.includes(name)) problems.push(`${name} is listed but missing`);
      else if (createHash('sha256').update(readFileSync(join(dir, name))).digest('hex') !== sum) problems.push(`${name}: sha256 differs`);
    }
    return problems;
  });
  return checks;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const reportAt = process.argv.indexOf('--report');
  const report = reportAt >= 0 ? process.argv[reportAt + 1] : null;
  // Only the hosts that were packaged: --skip-host or --rids leave some out, and their checks with them.
  const { version } = readJson(join(root, 'package.json'));
  const rids = allRids.filter((rid) => existsSync(join(packagesDir, packageNames(version).host(rid))));
  const checks = await checkPackages({ rids });
  for (const { name, problems } of checks) {
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'}  ${name}`);
    for (const problem of problems) console.log(`        ${problem}`);
  }
  const failed = checks.filter((c) => c.problems.length > 0).length;
  console.log(`package checks: ${checks.length - failed} passed, ${failed} failed`);
  if (report) writeFileSync(report, JSON.stringify({ passed: checks.length - failed, failed, checks }, null, 2));
  process.exitCode = failed > 0 ? 1 : 0;
}
