// Bundles the review UI (TypeScript + CSS, SignalR client included) into host/wwwroot/assets, which the host
// embeds at build time. Nothing is loaded from a CDN.
import { build } from 'esbuild';
import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: { app: join(here, 'Client/app.ts') },
  outdir: join(here, '../wwwroot/assets'),
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox128', 'safari16'],
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
});
// The extension's mark doubles as the pages' favicon: one drawing, kept in extension/icons.
await copyFile(join(here, '../../extension/icons/icon.svg'), join(here, '../wwwroot/assets/icon.svg'));
console.log('review UI built → host/wwwroot/assets');
