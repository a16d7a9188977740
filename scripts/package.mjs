// npm run package: installable packages of one version (package.json's) in artifacts/packages/:
//   receiptguard-<version>-chrome.zip            Chrome and Edge (store upload, or unzip and "Load unpacked")
//   receiptguard-<version>-firefox.xpi           Firefox (web-ext build; addons.mozilla.org signs it)
//   receiptguard-host-<version>-<rid>.tar.gz     the host, self-contained, for linux-x64 and osx-arm64
//   receiptguard-host-<version>-win-x64.zip      the host, self-contained, for Windows
//   SHA256SUMS                                   sha256sum -c format
// Source maps stay out of the extension packages: stores take them as part of the upload and show nothing more for
// them, and a user never needs them; extension/dist keeps them for development.
// Usage: node scripts/package.mjs [--rids linux-x64,win-x64,osx-arm64] [--skip-host] [--no-build]
//   --no-build  package extension/dist as it is (npm test has just built it)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFiles, writeTarGz, writeZip } from './archives.mjs';
import { buildFrontEnds } from './build.mjs';
import { heading, readJson, root, run } from './lib.mjs';

export const packagesDir = join(root, 'artifacts', 'packages');
export const allRids = ['linux-x64', 'win-x64', 'osx-arm64'];
const extensionDist = join(root, 'extension', 'dist');

/** The file names a version's packages get; check-packages.mjs looks for exactly these. */
export const packageNames = (version) => ({
  chrome: `receiptguard-${version}-chrome.zip`,
  firefox: `receiptguard-${version}-firefox.xpi`,
  host: (rid) => `receiptguard-host-${version}-${rid}.${rid.startsWith('win-') ? 'zip' : 'tar.gz'}`,
});

export function parseArgs(argv) {
  const options = { rids: allRids, skipHost: false, build: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--skip-host') options.skipHost = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--rids' || arg.startsWith('--rids=')) {
      const value = arg === '--rids' ? argv[(i += 1)] : arg.slice('--rids='.length);
      options.rids = (value ?? '').split(',').map((rid) => rid.trim()).filter(Boolean);
      const unknown = options.rids.filter((rid) => !allRids.includes(rid));
      if (unknown.length > 0 || options.rids.length === 0) throw new Error(`--rids takes a comma-separated list of ${allRids.join(', ')}; got "${value ?? ''}"`);
    } else throw new Error(`unknown option ${arg}; usage: node scripts/package.mjs [--rids ${allRids.join(',')}] [--skip-host] [--no-build]`);
  }
  return options;
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function packageExtension(names, version) {
  const manifest = readJson(join(extensionDist, 'manifest.json'));
  if (manifest.version !== version) throw new Error(`extension/dist/manifest.json has version ${manifest.version}, package.json ${version}: rebuild`);

  heading('Chrome/Edge package');
  const chrome = join(packagesDir, names.chrome);
  writeZip(chrome, extensionDist, listFiles(extensionDist, { exclude: (name) => name.endsWith('.map') }));
  console.log(`wrote ${chrome}`);

  heading('Firefox package (web-ext build)');
  // web-ext-config.mjs names the source folder, the output folder and the source maps to leave out.
  const code = await run(join(root, 'node_modules', '.bin', 'web-ext'), ['build', '--filename', names.firefox, '--no-input']);
  if (code !== 0) throw new Error(`web-ext build failed (exit code ${code})`);
  return [chrome, join(packagesDir, names.firefox)];
}

/** A self-contained host build for `rid` in .tmp/package/host-<rid>. */
async function publishHost(rid) {
  const started = Date.now();
  const work = join(root, '.tmp', 'package');
  const out = join(work, `host-${rid}`);
  rmSync(out, { recursive: true, force: true });
  // Its own bin/obj (--artifacts-path) per platform: a RID-specific restore must not change host/obj, which the tests
  // build from, and the publishes, which run side by side, must not share one project.assets.json.
  const code = await run('dotnet', [
    'publish', 'host', '-c', 'Release', '-r', rid, '--self-contained', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly',
    '--artifacts-path', join(work, `build-${rid}`), '-o', out,
  ], { env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
  if (code !== 0) throw new Error(`dotnet publish for ${rid} failed (exit code ${code})`);
  console.log(`host for ${rid} published in ${seconds(started)}`);
  return out;
}

async function archiveHost(names, rid, out) {
  const started = Date.now();
  const file = join(packagesDir, names.host(rid));
  // One top folder, so unpacking does not spill 300 files into the current one.
  const prefix = `${basename(file).replace(/\.(zip|tar\.gz)$/, '')}/`;
  if (rid.startsWith('win-')) writeZip(file, out, listFiles(out), { prefix });
  else await writeTarGz(file, out, listFiles(out), { prefix });
  console.log(`wrote ${file} (${seconds(started)})`);
  return file;
}

/**
 * Publishes side by side, one per two cores (a publish keeps about two busy; on a 2-core machine they gain nothing
 * together and would starve whatever else runs), then each is archived.
 */
async function packageHosts(names, rids) {
  const lanes = Math.max(1, Math.floor(availableParallelism() / 2));
  heading(`Hosts for ${rids.join(', ')} (dotnet publish, self-contained, ${lanes} at a time)`);
  const outs = [];
  for (let i = 0; i < rids.length; i += lanes) outs.push(...(await Promise.all(rids.slice(i, i + lanes).map((rid) => publishHost(rid)))));
  const files = [];
  for (const [i, rid] of rids.entries()) files.push(await archiveHost(names, rid, outs[i]));
  return files;
}

function writeChecksums(files) {
  const lines = files.map((file) => `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${basename(file)}`);
  const sums = join(packagesDir, 'SHA256SUMS');
  writeFileSync(sums, `${lines.sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join('\n')}\n`);
  return sums;
}

export async function packageAll(options) {
  const started = Date.now();
  const { version } = readJson(join(root, 'package.json'));
  const names = packageNames(version);
  if (options.build && (await buildFrontEnds()) !== 0) throw new Error('the front-end build failed');
  rmSync(packagesDir, { recursive: true, force: true });
  mkdirSync(packagesDir, { recursive: true });

  const files = await packageExtension(names, version);
  if (!options.skipHost) files.push(...(await packageHosts(names, options.rids)));
  const sums = writeChecksums(files);

  heading(`Packages of version ${version} (${seconds(started)})`);
  for (const file of [...files, sums]) console.log(`${megabytes(statSync(file).size).padStart(9)}  ${file}`);
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (!existsSync(join(root, 'node_modules', '.bin', 'web-ext'))) throw new Error('npm packages are missing: run npm ci first');
    await packageAll(options);
  } catch (error) {
    console.error(`npm run package: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
