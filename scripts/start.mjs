// npm start: install what is missing, build the extension and the host, then run the host (loopback only) and say
// what to do next. Arguments after "--" go to the host, e.g. npm start -- --data ~/evidence --urls http://127.0.0.1:5000
import { join } from 'node:path';
import { buildFrontEnds } from './build.mjs';
import { checkToolchain, ensureNodeModules, heading, root, run } from './lib.mjs';

const hostArgs = process.argv.slice(2);
const env = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };

async function main() {
  const problems = checkToolchain();
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    return 1;
  }
  if ((await ensureNodeModules()) !== 0) return 1;
  if ((await buildFrontEnds()) !== 0) return 1;

  heading('Building the host (dotnet build -c Release)');
  if ((await run('dotnet', ['build', 'host', '-c', 'Release', '--nologo', '-v', 'quiet', '-clp:ErrorsOnly'], { env })) !== 0) return 1;

  const extension = join(root, 'extension', 'dist');
  const host = join(root, 'host', 'bin', 'Release', 'net10.0', 'ReceiptGuard.Host.dll');
  heading('Next steps');
  console.log(`1. Load the extension.
   Chrome, Edge, Chromium: open chrome://extensions (edge://extensions), switch on Developer mode, click
   "Load unpacked" and choose:
     ${extension}
   Firefox 140+: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", pick manifest.json in that folder.
2. The extension opens its "Get started" page by itself: it finds this host, then asks for a pairing code.
   Get the code on the host's Settings page (http://127.0.0.1:47831/settings, "Pair an extension").
3. Click 确认收货 on an order page: ReceiptGuard holds the click and asks first. No shop account at hand?
   Run "npm run demo" in another terminal: it serves copies of every platform's order pages.
   The extension talks to the host at http://127.0.0.1:47831 by default; if you pass --urls, set the same
   address in the extension's options.
4. To have the host start at every login instead, stop this one (Ctrl+C) and run:
     dotnet ${host} install-service`);

  heading('Starting the host (Ctrl+C to stop)');
  return run('dotnet', [host, 'run', ...hostArgs], { env });
}

process.exitCode = await main();
