// Writes the content script's match patterns into manifest.json from the platform modules (src/shops), the one
// source of truth. manifest.test.ts fails when they drift; this fixes it. Usage: node extension/scripts/sync-manifest.mjs
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = await build({ entryPoints: [join(root, 'src/shops/index.ts')], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
const { SHOPS } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const matches = [...new Set(SHOPS.flatMap((shop) => shop.matches))].sort();

const manifestPath = join(root, 'manifest.json');
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
// The isolated guard and its page-world replay helper run on the same pages.
for (const script of manifest.content_scripts) script.matches = matches;
await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`manifest.json: ${matches.length} match patterns from ${SHOPS.length} platforms`);
