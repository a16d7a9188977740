// npm run demo: see the guard work without a shop account. Serves the bundled fixture shop pages (tests/fixtures/shops)
// under the shops' real host names on a loopback port, and opens a browser with the extension loaded and those names
// resolved to this machine when it can (a display and Chromium); otherwise it says exactly how to.
// Usage: npm run demo [-- --port N] [--no-open] [--browser PATH]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFrontEnds } from './build.mjs';
import { renderIndex } from './demo/index-page.mjs';
import { contentTypeOf, demoUrl, hostResolverRules, loadShopRoutes, shopHosts } from './demo/shop-routes.mjs';
import { ensureNodeModules, has, heading, root } from './lib.mjs';

const DEFAULT_PORT = 47840;
const HOST_URL = 'http://127.0.0.1:47831';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    'no-open': { type: 'boolean', default: false },
    browser: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log('Usage: npm run demo [-- --port N] [--no-open] [--browser PATH]\n  --port N        where the demo shop listens on 127.0.0.1 (default 47840; 0 = any free port)\n  --no-open       only serve and print the instructions\n  --browser PATH  the Chromium-family browser to open');
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: --port must be a number from 0 to 65535, not "${args.port}".`);
  process.exit(2);
}

const extensionDir = join(root, 'extension', 'dist');
if (!existsSync(join(extensionDir, 'manifest.json'))) {
  if ((await ensureNodeModules()) !== 0 || (await buildFrontEnds()) !== 0) process.exit(1);
}

const { routes, pages } = loadShopRoutes(join(root, 'tests', 'fixtures', 'shops'));
const hosts = shopHosts(routes);

async function hostIsUp() {
  try {
    const response = await fetch(`${HOST_URL}/api/health`, { signal: AbortSignal.timeout(1500) });
    return response.ok;
  } catch {
    return false;
  }
}

let listeningPort = port;
const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://demo');
  const hostname = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') {
    if (url.pathname !== '/') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: the demo index is at /');
      return;
    }
    const html = renderIndex({ pages, port: listeningPort, hostUrl: HOST_URL, hostUp: await hostIsUp() });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    return;
  }
  const file = routes.get(`${hostname}${url.pathname}`);
  if (!file) {
    // Where a link or a confirmed action leads: the shop would show its next page; the demo says where you are.
    const where = `http://${hostname}${url.pathname}${url.search}`.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><meta charset="utf-8"><title>ReceiptGuard demo</title><p>演示商店的下一页 · The shop's next page:</p><h1 id="landed">${where}</h1><p><a href="http://127.0.0.1:${listeningPort}/">← 演示首页 · demo index</a></p>`);
    return;
  }
  const bytes = readFileSync(file);
  response.writeHead(200, { 'Content-Type': contentTypeOf(file, bytes) }).end(bytes);
});

server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `error: port ${port} on 127.0.0.1 is in use (a demo already running?). Choose another: npm run demo -- --port ${port + 1}`
      : `error: the demo shop cannot listen: ${error.message}`,
  );
  process.exit(1);
});

await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
listeningPort = server.address().port;
const index = `http://127.0.0.1:${listeningPort}/`;
const rules = hostResolverRules(hosts);
const firstPage = demoUrl(pages[0].url, listeningPort);

/** A Chromium-family browser to open: the one asked for, else one found on this machine. */
function findBrowser() {
  if (args.browser) return args.browser;
  const candidates =
    process.platform === 'darwin'
      ? ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
      : process.platform === 'win32'
        ? [`${process.env['ProgramFiles(x86)']}\\Microsoft\\Edge\\Application\\msedge.exe`, `${process.env.ProgramFiles}\\Google\\Chrome\\Application\\chrome.exe`]
        : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'];
  return candidates.find((path) => existsSync(path)) ?? (has('chromium') ? 'chromium' : null);
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
// Branded Chrome and Edge ignore --load-extension since version 137: there the user loads the folder once by hand.
const loadsExtensionFlag = (browser) => /chromium/i.test(browser);

heading(`Demo shop: ${index}`);
console.log(`Serving ${pages.length} order pages from tests/fixtures/shops under ${hosts.length} shop host names (made-up orders; nothing reaches a real shop).`);
console.log((await hostIsUp()) ? `The host is running at ${HOST_URL}: evidence is stored there.` : `The host is not running: the guard works anyway; run "npm start" in another terminal (and pair) to store evidence.`);

const browser = args['no-open'] || !hasDisplay ? null : findBrowser();
if (browser) {
  const profile = mkdtempSync(join(tmpdir(), 'receiptguard-demo-'));
  const browserArgs = [`--user-data-dir=${profile}`, `--host-resolver-rules=${rules}`, '--no-first-run', '--no-default-browser-check'];
  if (loadsExtensionFlag(browser)) browserArgs.push(`--load-extension=${extensionDir}`);
  browserArgs.push(index);
  heading(`Opening ${browser} with a fresh profile`);
  if (!loadsExtensionFlag(browser)) console.log(`This browser does not take --load-extension: open chrome://extensions (edge://extensions), switch on Developer mode, "Load unpacked" and choose\n  ${extensionDir}`);
  const child = spawn(browser, browserArgs, { stdio: 'ignore', detached: true });
  child.on('error', (error) => console.error(`cannot open ${browser}: ${error.message}; use the steps below.`));
  child.unref();
}

heading('Open the demo yourself');
console.log(`Chrome, Edge or Chromium (a separate profile, so your own browsing is untouched):
  1. Start the browser with these two flags:
       --user-data-dir=<an empty folder>
       --host-resolver-rules="${rules}"
     e.g. chromium --user-data-dir=/tmp/rg-demo --host-resolver-rules="${rules}" ${index}
  2. In that window open chrome://extensions (edge://extensions), switch on Developer mode, click "Load unpacked"
     and choose:
       ${extensionDir}
     (Chromium also takes --load-extension=${extensionDir} on the command line.)
  3. Open ${index} and pick an order page, e.g.
       ${firstPage}
     Click 确认收货: ReceiptGuard holds the click and shows its checklist.

Firefox (not tried on this machine; Firefox cannot be scripted with extensions here):
  npx web-ext run --source-dir ${extensionDir} --pref network.dns.localDomains=${hosts.join(',')} --start-url ${index}

Chromium flags: --host-resolver-rules="${rules}"
Press Ctrl+C to stop the demo shop.`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
