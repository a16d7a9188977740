// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializePage, skippedNotes, type SerializeOptions } from './serialize';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** A page at `url`, parsed (no scripts run, no files loaded; about:blank frames are made). */
async function page(html: string, url = 'https://shop.test/order/1'): Promise<Document> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  windows.push(window);
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  return window.document as unknown as Document;
}

const options: SerializeOptions = { extensionVersion: '1.2.3', now: () => new Date('2026-11-26T08:15:30.125Z') };
const PNG = new Uint8Array([137, 80, 78, 71]);

/** Serves `files` (URL → body); anything else is a 404. */
function serve(files: Record<string, BlobPart | Blob>) {
  const fetch = vi.fn(async (input: string) => {
    const file = files[input];
    if (file === undefined) return new Response('', { status: 404 });
    return new Response(file instanceof Blob ? file : new Blob([file], { type: input.endsWith('.css') ? 'text/css' : 'image/png' }));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('serializePage: markup', () => {
  it('keeps the doctype, writes the provenance first and forces utf-8', async () => {
    serve({});
    const doc = await page('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="gbk"><title>订单</title></head><body class="x"></body></html>', 'https://shop.test/a--b?x=1');
    const { html } = await serializePage(doc, options);
    expect(html).toMatch(
      /^<!DOCTYPE html>\n<!-- Saved by ReceiptGuard 1\.2\.3 from https:\/\/shop\.test\/a-%2Db\?x=1 at 2026-11-26T08:15:30\.125Z -->\n<html lang="zh-CN" data-receiptguard-scroll="0,0"><head><meta charset="utf-8"><title>订单<\/title><\/head><body class="x"><\/body><\/html>$/,
    );
  });

  it('escapes text and attributes and writes void elements without end tags', async () => {
    serve({});
    const doc = await page('<body><p title="a&quot;b">1 &lt; 2 &amp; 3&nbsp;</p><br><input type="hidden" value="v"><template><b>t</b></template></body>');
    const { html } = await serializePage(doc, options);
    expect(html).toContain('<p title="a&quot;b">1 &lt; 2 &amp; 3&nbsp;</p><br><input type="hidden" value="v"><template><b>t</b></template>');
    expect(html).not.toContain('</br>');
    expect(html).not.toContain('</input>');
  });

  it('records what the user typed, ticked and chose', async () => {
    serve({});
    const doc = await page(
      '<form><input id="t" value="old"><input id="c" type="checkbox" checked><input id="r" type="radio"><select id="s"><option selected>a</option><option>b</option></select><textarea id="a">old</textarea><div contenteditable>ed<b>it</b></div></form>',
    );
    (doc.getElementById('t') as HTMLInputElement).value = '新 "值"';
    (doc.getElementById('c') as HTMLInputElement).checked = false;
    (doc.getElementById('r') as HTMLInputElement).checked = true;
    (doc.getElementById('s') as HTMLSelectElement).selectedIndex = 1;
    (doc.getElementById('a') as HTMLTextAreaElement).value = 'typed <x>';
    const { html } = await serializePage(doc, options);
    expect(html).toContain('<input id="t" value="新 &quot;值&quot;">');
    expect(html).toContain('<input id="c" type="checkbox">');
    expect(html).toContain('<input id="r" type="radio" checked="">');
    expect(html).toContain('<option>a</option><option selected="">b</option>');
    expect(html).toContain('<textarea id="a">typed &lt;x&gt;</textarea>');
    expect(html).toContain('<div contenteditable="">ed<b>it</b></div>');
  });

  it('removes scripts, noscript, handlers, javascript: URLs, CSP, refresh and base; keeps data scripts apart', async () => {
    serve({});
    const doc = await page(
      `<html><head><base href="https://static.test/app/"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><meta http-equiv="refresh" content="5"><script src="app.js"></script><script type="application/ld+json">{"@type":"Order"}</script></head>` +
        `<body onload="go()"><script>var data = JSON.parse('{"id":"42"}');</script><noscript><p>enable JS</p></noscript><a href="javascript:void(0)" onclick="x()">pay</a><a href="detail?id=1">detail</a><a href="#top">top</a><form action="JavaScript:go()"></form></body></html>`,
    );
    const { html, embeddedData } = await serializePage(doc, options);
    expect(html).not.toMatch(/<script|<noscript|enable JS|onload|onclick|javascript:|<base|http-equiv/i);
    expect(html).toContain('<body><a href="#">pay</a><a href="https://static.test/app/detail?id=1">detail</a><a href="#top">top</a><form action="#"></form>');
    expect(embeddedData).toEqual([
      { type: 'application/ld+json', text: '{"@type":"Order"}' },
      { type: 'text/javascript', text: `var data = JSON.parse('{"id":"42"}');` },
    ]);
  });

  it('skips a data script over the per-resource budget, with a note', async () => {
    serve({});
    const doc = await page(`<body><script type="application/json">${'1'.repeat(100)}</script></body>`);
    const { embeddedData, report } = await serializePage(doc, { ...options, maxResourceBytes: 50 });
    expect(embeddedData).toEqual([]);
    expect(report.skipped).toEqual([
      { url: 'https://shop.test/order/1 <script type="application/json"> (100 bytes)', reason: 'larger than the 50 bytes per-resource budget' },
    ]);
  });

  it('leaves out what `exclude` says', async () => {
    serve({});
    const doc = await page('<body><p>page</p><receiptguard-dialog><b>ours</b></receiptguard-dialog></body>');
    const { html } = await serializePage(doc, { ...options, exclude: (el) => el.localName === 'receiptguard-dialog' });
    expect(html).toContain('<body><p>page</p></body>');
  });

  it('writes the scroll position on <html>', async () => {
    serve({});
    const doc = await page('<body></body>');
    Object.defineProperty(doc.defaultView!, 'scrollX', { value: 12.4 });
    Object.defineProperty(doc.defaultView!, 'scrollY', { value: 340 });
    expect((await serializePage(doc, options)).html).toContain('<html data-receiptguard-scroll="12,340">');
  });
});

describe('serializePage: shadow roots, frames, canvases', () => {
  it('writes an open shadow root as declarative shadow DOM, with its adopted sheets', async () => {
    serve({});
    const doc = await page('<head><title>t</title></head><body><order-card id="card"><span slot="x">light</span></order-card></body>');
    const root = doc.getElementById('card')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>p { color: red; }</style><p>in shadow</p><slot name="x"></slot>';
    const view = doc.defaultView as unknown as typeof globalThis;
    const adopted = new view.CSSStyleSheet();
    adopted.replaceSync('p { font-weight: bold; }');
    root.adoptedStyleSheets = [adopted];
    const page_ = new view.CSSStyleSheet();
    page_.replaceSync('body { margin: 0px; }');
    doc.adoptedStyleSheets = [page_];
    const { html } = await serializePage(doc, options);
    expect(html).toContain(
      '<order-card id="card"><template shadowrootmode="open"><style>p { color: red; }</style><p>in shadow</p><slot name="x"></slot><style>p { font-weight: bold; }</style></template><span slot="x">light</span></order-card>',
    );
    expect(html).toContain('<title>t</title><style>body { margin: 0px; }</style></head>');
  });

  it('writes a same-origin frame into srcdoc, escaped, with its own resources inlined', async () => {
    serve({ 'https://shop.test/f.png': PNG });
    const doc = await page('<body><iframe id="f" src="about:blank" onload="x()"></iframe></body>');
    const frameDoc = (doc.getElementById('f') as HTMLIFrameElement).contentDocument!;
    frameDoc.body.innerHTML = '<p class="q">"quoted" &amp; <img src="https://shop.test/f.png"></p><script>evil()</script>';
    const { html } = await serializePage(doc, options);
    const srcdoc = /<iframe id="f" srcdoc="([^"]*)"><\/iframe>/.exec(html)?.[1];
    expect(srcdoc).toBeDefined();
    const inner = srcdoc!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(inner).toContain('<p class="q">"quoted" &amp; <img src="data:image/png;base64,iVBORw=="></p>');
    expect(inner).not.toContain('script');
  });

  it('writes a closed shadow root when the browser lets an extension read it', async () => {
    serve({});
    const doc = await page('<body><pay-button id="b"></pay-button></body>');
    const host = doc.getElementById('b')!;
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<button>确认收货</button>';
    expect((await serializePage(doc, options)).html).toContain('<pay-button id="b"></pay-button>');
    Object.defineProperty(host, 'openOrClosedShadowRoot', { value: root });
    expect((await serializePage(doc, options)).html).toContain('<pay-button id="b"><template shadowrootmode="closed"><button>确认收货</button></template></pay-button>');
  });

  it("reads a closed shadow root through Chromium's chrome.dom where the element has no openOrClosedShadowRoot", async () => {
    serve({});
    const doc = await page('<body><pay-button id="b"></pay-button></body>');
    const host = doc.getElementById('b')!;
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<button>确认收货</button>';
    vi.stubGlobal('chrome', { dom: { openOrClosedShadowRoot: (el: Element) => (el === host ? root : null) } });
    try {
      expect((await serializePage(doc, options)).html).toContain('<pay-button id="b"><template shadowrootmode="closed"><button>确认收货</button></template></pay-button>');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps a frame it cannot read as a link, and says so', async () => {
    serve({});
    const doc = await page('<body><iframe id="f" src="about:blank"></iframe></body>');
    const frame = doc.getElementById('f')!;
    Object.defineProperty(frame, 'contentDocument', { value: null });
    frame.setAttribute('src', 'https://other.test/pay');
    const { html, report } = await serializePage(doc, options);
    expect(html).toContain('<iframe id="f" src="https://other.test/pay"></iframe>');
    expect(report.skipped).toContainEqual({ url: 'https://other.test/pay', reason: 'frame from another origin: kept as a link' });
  });

  it('keeps a frame that has not loaded its page yet as a link', async () => {
    serve({});
    const doc = await page('<body><iframe id="f" src="about:blank"></iframe></body>');
    const frame = doc.getElementById('f')!;
    frame.setAttribute('src', '/later');
    const initial = document.implementation.createHTMLDocument('');
    Object.defineProperty(initial, 'URL', { value: 'about:blank' });
    Object.defineProperty(frame, 'contentDocument', { value: initial });
    const { html, report } = await serializePage(doc, options);
    expect(html).toContain('<iframe id="f" src="https://shop.test/later"></iframe>');
    expect(report.skipped).toContainEqual({ url: 'https://shop.test/later', reason: 'frame not loaded yet: kept as a link' });
  });

  it('turns a canvas into an image of what it shows; a tainted one is kept and reported', async () => {
    serve({});
    const doc = await page('<body><canvas id="chart" class="c" style="width:100%" width="20" height="10">fallback</canvas><canvas id="t"></canvas></body>');
    Object.defineProperty(doc.getElementById('chart')!, 'toDataURL', { value: () => 'data:image/png;base64,AAAA' });
    Object.defineProperty(doc.getElementById('t')!, 'toDataURL', {
      value: () => {
        throw new DOMException('Tainted canvases may not be exported.', 'SecurityError');
      },
    });
    const { html, report } = await serializePage(doc, options);
    expect(html).toContain('<img id="chart" class="c" style="width:100%" width="20" height="10" src="data:image/png;base64,AAAA"><canvas id="t"></canvas>');
    expect(report.skipped).toEqual([{ url: 'canvas#t on https://shop.test/order/1', reason: 'cannot be read (Tainted canvases may not be exported.)' }]);
  });
});

describe('serializePage: stylesheets', () => {
  it('keeps rules a script inserted into a <style> sheet', async () => {
    serve({});
    const doc = await page('<head><style id="s">a { color: red; }</style></head><body></body>');
    ((doc.getElementById('s') as HTMLStyleElement).sheet as CSSStyleSheet).insertRule('.late { display: none; }', 1);
    const { html } = await serializePage(doc, options);
    expect(html).toContain('<style id="s">a { color: red; }\n.late { display: none; }</style>');
  });

  it("fetches a stylesheet the CSSOM cannot give, inlining its url()s relative to the sheet's own address", async () => {
    const fetch = serve({
      'https://cdn.test/css/site.css': '.bg { background: url(../img/bg.png) } .f { src: url("/font.woff2") }',
      'https://cdn.test/img/bg.png': PNG,
    });
    const doc = await page('<head><link rel="stylesheet" href="https://cdn.test/css/site.css" media="screen"><link rel="preload" as="style" href="x.css"></head><body></body>');
    const { html, report } = await serializePage(doc, options);
    expect(html).toContain(
      '<style media="screen">.bg { background: url("data:image/png;base64,iVBORw==") } .f { src: url("https://cdn.test/font.woff2") }</style></head>',
    );
    expect(html).not.toContain('preload');
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(report.skipped).toEqual([{ url: 'https://cdn.test/font.woff2', reason: 'fetch failed: HTTP 404' }]);
  });

  it('keeps the link when the stylesheet cannot be fetched either', async () => {
    serve({});
    const doc = await page('<head><link rel="stylesheet" href="/missing.css"></head><body></body>');
    expect((await serializePage(doc, options)).html).toContain('<link rel="stylesheet" href="https://shop.test/missing.css"></head>');
  });

  it('inlines url() in style attributes, relative to the page', async () => {
    serve({ 'https://shop.test/order/bg.png': PNG });
    const doc = await page('<body><div style="background-image: url(bg.png)"></div></body>');
    expect((await serializePage(doc, options)).html).toContain('<div style="background-image: url(&quot;data:image/png;base64,iVBORw==&quot;)"></div>');
  });
});

describe('serializePage: images and budgets', () => {
  it('inlines images as data: URIs and drops what only served to choose or delay them', async () => {
    serve({ 'https://shop.test/img/a.png': PNG });
    const doc = await page('<body><picture><source srcset="/img/a.webp"><img src="/img/a.png" srcset="/img/a.png 1x" sizes="100vw" loading="lazy" alt="商品"></picture></body>');
    const { html, report } = await serializePage(doc, options);
    expect(html).toContain('<picture><img alt="商品" src="data:image/png;base64,iVBORw=="></picture>');
    expect(report).toMatchObject({ inlinedResources: 1, inlinedBytes: 4, skipped: [] });
  });

  it('inlines image inputs, video posters and SVG images', async () => {
    serve({ 'https://shop.test/i.png': PNG });
    const doc = await page(
      '<body><input type="image" src="/i.png"><video poster="/i.png"></video><svg><image href="/i.png"></image><image xlink:href="/i.png"></image></svg></body>',
    );
    const { html } = await serializePage(doc, options);
    expect(html.match(/="data:image\/png;base64,iVBORw=="/g)).toHaveLength(4);
    expect(html).toContain('<video poster="data:image/png;base64,iVBORw=="></video>');
  });

  it('resolves a lazy image from data-src', async () => {
    serve({ 'https://img.test/item.png': PNG });
    const doc = await page('<body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://img.test/item.png"></body>');
    expect((await serializePage(doc, options)).html).toContain('<img data-src="https://img.test/item.png" src="data:image/png;base64,iVBORw==">');
  });

  it('skips an image over the per-resource budget: absolute URL kept, noted in the HTML and the report', async () => {
    serve({ 'https://shop.test/big.png': new Uint8Array(3000), 'https://shop.test/small.png': PNG });
    const doc = await page('<body><img src="/big.png"><img src="/small.png"></body>');
    const { html, report } = await serializePage(doc, { ...options, maxResourceBytes: 2048 });
    expect(html).toContain('<img src="https://shop.test/big.png"><img src="data:image/png;base64,iVBORw==">');
    expect(html).toContain('<!-- ReceiptGuard: skipped https://shop.test/big.png (larger than the 2 KB per-resource budget) -->\n</body>');
    expect(report.skipped).toEqual([{ url: 'https://shop.test/big.png', reason: 'larger than the 2 KB per-resource budget' }]);
  });

  it('stops inlining at the total budget', async () => {
    serve({ 'https://shop.test/1.png': new Uint8Array(600), 'https://shop.test/2.png': new Uint8Array(600) });
    const doc = await page('<body><img src="/1.png"><img src="/2.png"></body>');
    const { html, report } = await serializePage(doc, { ...options, maxTotalBytes: 1000 });
    expect(html.match(/src="data:/g)).toHaveLength(1);
    expect(report.inlinedResources).toBe(1);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]!.reason).toBe('over the 1000 bytes total budget');
  });

  it('fetches a URL used many times once', async () => {
    const fetch = serve({ 'https://shop.test/logo.png': PNG });
    const doc = await page('<body><img src="/logo.png"><img src="../logo.png" style="display:block"><div style="background:url(/logo.png)"></div><link rel="icon" href="/logo.png"></body>');
    const { html } = await serializePage(doc, options);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(html.match(/data:image\/png;base64,iVBORw==/g)).toHaveLength(4);
  });

  it('asks fetchFallback when the page cannot fetch', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const fetchFallback = vi.fn(async () => new Blob([PNG], { type: 'image/png' }));
    const doc = await page('<body><img src="https://cdn.test/a.png"></body>');
    const { html, report } = await serializePage(doc, { ...options, fetchFallback });
    expect(fetchFallback).toHaveBeenCalledWith('https://cdn.test/a.png');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw==">');
    expect(report.skipped).toEqual([]);
  });

  it('reports the size and time', async () => {
    serve({});
    const doc = await page('<body>x</body>');
    const { html, report } = await serializePage(doc, options);
    expect(report.htmlLength).toBe(html.length);
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('skippedNotes', () => {
  it('writes safe comments and caps their number', () => {
    const notes = skippedNotes(Array.from({ length: 52 }, (_, i) => ({ url: `https://x.test/--${i}-->`, reason: 'r' })));
    expect(notes).toContain('<!-- ReceiptGuard: skipped https://x.test/-%2D0-%2D> (r) -->');
    expect(notes).toContain('<!-- ReceiptGuard: and 2 more skipped -->');
    expect(notes.match(/<!--/g)).toHaveLength(51);
    expect(skippedNotes([])).toBe('');
  });
});
