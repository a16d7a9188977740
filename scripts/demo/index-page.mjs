// The demo's start page: what to try, in Chinese and English, with a link to every fixture shop page.
import { demoUrl } from './shop-routes.mjs';

const PLATFORM_NAMES = {
  taobao: '淘宝 Taobao',
  tmall: '天猫 Tmall',
  jd: '京东 JD',
  pinduoduo: '拼多多 Pinduoduo',
  xianyu: '闲鱼 Xianyu',
  1688: '1688',
  vipshop: '唯品会 Vipshop',
  suning: '苏宁易购 Suning',
  dangdang: '当当 Dangdang',
  aliexpress: 'AliExpress',
  shopee: 'Shopee',
  lazada: 'Lazada',
};

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * @param {{ pages: { platform: string, url: string, guarded: number }[], port: number, hostUrl: string, hostUp: boolean }} demo
 */
export function renderIndex({ pages, port, hostUrl, hostUp }) {
  const items = pages
    .map((page) => {
      const url = demoUrl(page.url, port);
      const name = PLATFORM_NAMES[page.platform] ?? page.platform;
      return `<li><a href="${escapeHtml(url)}" data-platform="${escapeHtml(page.platform)}">${escapeHtml(name)}</a> <span class="url">${escapeHtml(new URL(page.url).host + new URL(page.url).pathname)}</span></li>`;
    })
    .join('\n      ');
  const host = hostUp
    ? `<p class="ok" id="host-state" data-host="up">主机正在运行（${escapeHtml(hostUrl)}）：确认前的页面会作为证据保存。<br>The host is running at ${escapeHtml(hostUrl)}: the page is saved as evidence before you confirm.</p>`
    : `<p class="warn" id="host-state" data-host="down">主机未运行：拦截照常工作，证据会在扩展中排队，直到在另一个终端运行 <code>npm start</code> 并完成配对。<br>The host is not running: the guard still works, and evidence waits in the extension until you run <code>npm start</code> in another terminal and pair.</p>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ReceiptGuard 演示商店 · demo shop</title>
<style>
  body { font: 15px/1.6 system-ui, "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; }
  ol li, ul li { margin: .35rem 0; }
  .url { color: #656d76; font-size: .85em; }
  .ok { border-left: 4px solid #1a7f37; padding-left: .75rem; }
  .warn { border-left: 4px solid #9a6700; padding-left: .75rem; }
  code { background: #f6f8fa; padding: 0 .25rem; border-radius: 3px; }
  a:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
</style>
</head>
<body>
<main>
  <h1>ReceiptGuard 演示商店 · demo shop</h1>
  <p>这些是各平台订单页的本地副本，订单是虚构的，什么都不会发到真实商店。<br>
     These are local copies of each platform's order pages with made-up orders; nothing reaches a real shop.</p>
  ${host}
  <h2>试一试 · Try it</h2>
  <ol>
    <li>打开下面任意一个订单页。 Open any order page below.</li>
    <li>点击“确认收货”（或 Confirm receipt / Order received）。 Click 确认收货 (or Confirm receipt / Order received).</li>
    <li>ReceiptGuard 拦下这次点击，显示清单和页面上的订单信息；选“先不确认”或“仍然确认”。
        ReceiptGuard holds the click and shows the checklist with what the page says about the order; choose to wait or to confirm anyway.</li>
  </ol>
  <h2>订单页 · Order pages</h2>
  <ul id="pages">
      ${items}
  </ul>
  <p>如果点击后没有出现对话框，说明这个浏览器没有加载扩展，或者没有把商店域名解析到本机：请按终端里的说明重新打开浏览器。<br>
     No dialog after the click? This browser has not loaded the extension or does not resolve the shop names to this machine: open it again as the terminal says.</p>
</main>
</body>
</html>
`;
}
