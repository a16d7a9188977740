// Bundles SingleFile's engine (the npm package single-file-core) for the capture benchmark, the way single-file-cli
// builds its browser script: esbuild IIFEs of single-file.js (global `singlefile`) and of the main-world hooks script.
// single-file-core is AGPL-3.0: we only run it, unmodified, as a benchmark peer. Nothing of it is copied into our
// code or shipped in the extension; the bundles go to .tmp/bench-peers (gitignored).
// Usage: node scripts/single-file-peer.mjs
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, scratchDir } from './lib.mjs';

export const peersDir = () => scratchDir('bench-peers');

export async function buildSingleFilePeer() {
  const core = join(root, 'node_modules', 'single-file-core');
  const common = { bundle: true, format: 'iife', platform: 'browser', minify: true, legalComments: 'inline', logLevel: 'warning' };
  await build({ ...common, entryPoints: [join(core, 'single-file.js')], globalName: 'singlefile', outfile: join(peersDir(), 'single-file.js') });
  await build({ ...common, entryPoints: [join(core, 'single-file-hooks-frames.js')], outfile: join(peersDir(), 'single-file-hooks-frames.js') });
  console.log(`single-file-core bundled → ${peersDir()}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildSingleFilePeer();
}
