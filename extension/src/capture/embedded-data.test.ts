// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { embeddedScript } from './embedded-data';

function script(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild!;
}

describe('embeddedScript', () => {
  it.each([
    ['<script type="application/json">{"orderId":"1"}</script>', 'application/json'],
    ['<script type="application/ld+json">{"@type":"Order"}</script>', 'application/ld+json'],
    ["<script>var data = JSON.parse('{\\\"id\\\":1}');</script>", 'text/javascript'],
    ['<script>window.rawData = {"order":1};</script>', 'text/javascript'],
    ['<script type="text/javascript">window.__INITIAL_STATE__={}</script>', 'text/javascript'],
    ['<script id="__NEXT_DATA__" type="application/json">{}</script>', 'application/json'],
  ])('keeps %s', (html, type) => {
    const found = embeddedScript(script(html));
    expect(found).toEqual({ type, text: script(html).textContent });
  });

  it.each([
    '<script>document.title = "x";</script>',
    '<script type="module">import "./a.js";</script>',
    '<script src="https://cdn.test/app.js"></script>',
    '<script type="importmap">{"imports":{}}</script>',
    '<script type="application/json">   </script>',
  ])('drops %s', (html) => expect(embeddedScript(script(html))).toBeNull());
});
