// npm run build: the extension (extension/dist) and the host's review UI bundle (host/wwwroot/assets).
import { pathToFileURL } from 'node:url';
import { heading, root, run } from './lib.mjs';

export async function buildFrontEnds() {
  heading('Building the extension and the review UI (esbuild)');
  const extension = await run('node', ['extension/build.mjs'], { cwd: root });
  if (extension !== 0) return extension;
  return run('node', ['host/Ui/build.mjs'], { cwd: root });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await buildFrontEnds();
}
