// Builds the extension into extension/dist: one bundle per manifest entry and the on-demand capture bundle, plus the
// manifest, pages and locales.
// Usage: node extension/build.mjs [--watch]
import { build, context } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

async function copyStatic() {
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  await writeFile(join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await cp(join(root, '_locales'), join(dist, '_locales'), { recursive: true });
  for (const file of ['options.html', 'options.css', 'popup.html', 'popup.css']) await cp(join(root, 'src/ui', file), join(dist, file));
}

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
