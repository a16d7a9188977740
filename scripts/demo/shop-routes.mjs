// The demo shop: which fixture page answers at which shop address. The same table the e2e shop server builds
// (tests/ReceiptGuard.Testing/ShopServer.cs): every guard spec's page at its URL, plus each platform's routes.json.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Platforms the demo index lists, in the order a newcomer most likely knows them. */
const PLATFORM_ORDER = ['taobao', 'tmall', 'jd', 'pinduoduo', 'xianyu', '1688', 'vipshop', 'suning', 'dangdang', 'aliexpress', 'shopee', 'lazada'];

/**
 * Reads tests/fixtures/shops: `routes` maps "host/path" (no port, no query) to a fixture file; `pages` are the guard
 * specs' pages a visitor can try, one entry per spec, in PLATFORM_ORDER. The generic rule's pages are served but not
 * listed: the generic rule runs only on sites the user adds in the options.
 */
export function loadShopRoutes(fixturesDir) {
  const routes = new Map();
  const pages = [];
  for (const platform of readdirSync(fixturesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    const folder = join(fixturesDir, platform);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.guard.json')).sort()) {
      const spec = JSON.parse(readFileSync(join(folder, name), 'utf8'));
      const url = new URL(spec.url);
      routes.set(`${url.hostname}${url.pathname}`, join(folder, spec.fixture));
      if (spec.site !== 'generic') pages.push({ platform: spec.site, url: spec.url, guarded: spec.guarded.length });
    }
    const extra = join(folder, 'routes.json');
    if (existsSync(extra)) {
      for (const [key, file] of Object.entries(JSON.parse(readFileSync(extra, 'utf8')))) routes.set(key, join(folder, file));
    }
  }
  const rank = (platform) => (PLATFORM_ORDER.indexOf(platform) + PLATFORM_ORDER.length + 1) % (PLATFORM_ORDER.length + 1);
  pages.sort((a, b) => rank(a.platform) - rank(b.platform) || a.url.localeCompare(b.url));
  return { routes, pages };
}

/** The shop host names the demo answers for: what the browser must resolve to this machine. */
export function shopHosts(routes) {
  return [...new Set([...routes.keys()].map((key) => key.slice(0, key.indexOf('/'))))].filter((host) => host !== 'localhost').sort();
}

/**
 * A shop page's address on the demo server: plain http (the demo has no certificate) and the demo's port, which the
 * browser keeps because only the name is mapped to 127.0.0.1.
 */
export function demoUrl(shopUrl, port) {
  const url = new URL(shopUrl);
  url.protocol = 'http:';
  url.port = String(port);
  return url.toString();
}

/** Chromium's --host-resolver-rules value sending every shop name to this machine. */
export function hostResolverRules(hosts) {
  return hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
}

/** Pages declare their charset in a meta tag (Taobao's are GBK): the header says the same, as real servers do. */
export function contentTypeOf(file, bytes) {
  const types = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };
  const ext = file.slice(file.lastIndexOf('.'));
  if (ext !== '.html') return types[ext] ?? 'application/octet-stream';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').toLowerCase();
  const charset = /charset=["']?([a-z0-9-]+)/.exec(head)?.[1];
  return `text/html; charset=${charset ?? 'utf-8'}`;
}
