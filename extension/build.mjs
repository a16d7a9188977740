// Builds the extension into extension/dist: one bundle per manifest entry and the on-demand capture bundle, plus the
// manifest, pages, locales and icons.
// Usage: node extension/build.mjs [--watch]
import { build, context } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

const options = {
  entryPoints: {
    content: join(root, 'src/content/index.ts'),
    background: join(root, 'src/background/index.ts'),
    options: join(root, 'src/ui/options.ts'),
    popup: join(root, 'src/ui/popup.ts'),
    'page-world': join(root, 'src/main-world/page-world.ts'),
    // Injected on demand (chrome.scripting.executeScript) to capture any page; not a manifest entry.
    capture: join(root, 'src/capture/entry.ts'),
  },
  outdir: dist,
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox128'],
  charset: 'utf8',
  legalComments: 'none',
  // Minified: the content script is parsed on every shop page.
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

/**
 * The manifest as the browsers get it: extension/manifest.json with the version from package.json, the one place the
 * version is kept (the host's assembly version is read from there too, in Directory.Build.props).
 */
export async function distManifest() {
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  const { version } = JSON.parse(await readFile(join(root, '..', 'package.json'), 'utf8'));
  // Browsers want dot-separated integers: a pre-release suffix (1.0.0-beta) would stop the extension loading. Three,
  // as npm and the host's build (Directory.Build.props) expect too.
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json version "${version}" must be three dot-separated numbers, like 1.2.0`);
  if ('version' in manifest) throw new Error('extension/manifest.json must not carry a version: package.json holds it');
  // "version" right after "name" keeps the generated manifest readable.
  const { manifest_version, name, ...rest } = manifest;
  return { manifest_version, name, version, ...rest };
}

async function copyStatic() {
  await writeFile(join(dist, 'manifest.json'), JSON.stringify(await distManifest(), null, 2));
  await cp(join(root, '_locales'), join(dist, '_locales'), { recursive: true });
  for (const file of ['options.html', 'options.css', 'popup.html', 'popup.css']) await cp(join(root, 'src/ui', file), join(dist, file));
  // The rendered PNGs only: the manifest names no SVG (Chrome takes none), so its source stays out of the package.
  await cp(join(root, 'icons'), join(dist, 'icons'), { recursive: true, filter: (path) => !path.endsWith('.svg') });
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  if (process.argv.includes('--watch')) {
    const ctx = await context(options);
    await copyStatic();
    await ctx.watch();
    console.log(`watching extension sources → ${dist}`);
  } else {
    await build(options);
    await copyStatic();
    console.log(`extension built → ${dist}`);
  }
}

// Imported (by its test) it only lends distManifest; run as a script it builds.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    console.error(`extension build failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
