// The live page as one self-contained HTML file: one walk over the DOM writes the markup (with what the user typed,
// open shadow roots, same-origin frames and canvases), drops every script, and starts fetching each resource as soon
// as its URL is met; the fetched data: URIs are put in place at the end.
import type { EmbeddedScript, SerializerReport } from '../shared/protocol';
import { cssomPieces, inlineCss, mayReferToResources, type CssPiece } from './css-inline';
import { embeddedScript } from './embedded-data';
import { formStateOverrides, textareaText } from './form-state';
import { doctypeText, escapeAttribute, escapeCommentText, escapeRawText, escapeText, HtmlParts, RAW_TEXT_ELEMENTS, VOID_ELEMENTS } from './html-writer';
import { imageUrl } from './lazy-images';
import { formatBytes, ResourceLoader, type Skipped } from './resources';

export interface SerializeOptions {
  extensionVersion: string;
  maxResourceBytes?: number;
  maxTotalBytes?: number;
  /** Elements left out entirely (the extension's own dialog and notice hosts). */
  exclude?: (element: Element) => boolean;
  /** Fetches what the page itself cannot (the service worker, with the extension's host permissions). */
  fetchFallback?: (url: string) => Promise<Blob | null>;
  now?: () => Date;
}

export interface SerializedPage {
  html: string;
  embeddedData: EmbeddedScript[];
  report: SerializerReport;
}

export async function serializePage(doc: Document, options: SerializeOptions): Promise<SerializedPage> {
  const started = performance.now();
  const loader = new ResourceLoader({
    maxResourceBytes: options.maxResourceBytes,
    maxTotalBytes: options.maxTotalBytes,
    fetchFallback: options.fetchFallback,
    origin: originOf(doc.URL),
  });
  const embeddedData: EmbeddedScript[] = [];
  const writer = new DocumentWriter(doc, { loader, embeddedData, exclude: options.exclude, depth: 0 });
  const savedAt = (options.now?.() ?? new Date()).toISOString();
  const parts = writer.write(`Saved by ReceiptGuard ${options.extensionVersion} from ${doc.URL} at ${savedAt}`);
  await parts.settle();
  parts.fill(writer.notesIndex, skippedNotes(loader.skipped));
  const html = parts.text();
  return {
    html,
    embeddedData,
    report: {
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      htmlLength: html.length,
      inlinedResources: loader.inlinedResources,
      inlinedBytes: loader.inlinedBytes,
      skipped: loader.skipped.slice(),
    },
  };
}

const MAX_NOTES = 50;

/** One short comment per skipped resource, so the evidence itself says what is missing and why. */
export function skippedNotes(skipped: Skipped[]): string {
  if (!skipped.length) return '';
  const notes = skipped.slice(0, MAX_NOTES).map((s) => `<!-- ReceiptGuard: skipped ${escapeCommentText(`${s.url} (${s.reason})`)} -->`);
  if (skipped.length > MAX_NOTES) notes.push(`<!-- ReceiptGuard: and ${skipped.length - MAX_NOTES} more skipped -->`);
  return `\n${notes.join('\n')}\n`;
}

interface WriterContext {
  loader: ResourceLoader;
  embeddedData: EmbeddedScript[];
  exclude: ((element: Element) => boolean) | undefined;
  /** How deep in frames this document is: 0 for the page. */
  depth: number;
}

/** Attributes that hold a URL: made absolute so that the evidence still says where they pointed. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'longdesc', 'xlink:href']);
/** <link rel> values that only ask the browser to load or connect early: nothing to keep once inlined. */
const PRELOAD_RELS = /\b(?:preload|prefetch|modulepreload|preconnect|dns-prefetch|prerender)\b/;
/** Already absolute (http:, data:, mailto:, …): kept as written, no parsing needed. */
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;
const MAX_FRAME_DEPTH = 5;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;
const CDATA_SECTION_NODE = 4;

type AttributeValue = string | Promise<string> | null;

class DocumentWriter {
  readonly parts = new HtmlParts();
  /** Where the notes about skipped resources go: the end of <body>. */
  notesIndex = -1;
  private readonly base: string;
  private readonly resolved = new Map<string, string>();
  private readonly baseOrigin: string | undefined;

  constructor(
    private readonly doc: Document,
    private readonly context: WriterContext,
  ) {
    this.base = doc.baseURI || doc.URL;
    this.baseOrigin = /^https?:/i.test(this.base) ? originOf(this.base) : undefined;
  }

  write(provenance?: string): HtmlParts {
    const doctype = doctypeText(this.doc.doctype);
    if (doctype) this.parts.push(`${doctype}\n`);
    if (provenance) this.parts.push(`<!-- ${escapeCommentText(provenance)} -->\n`);
    this.children(this.doc, false);
    if (this.notesIndex < 0) this.notesIndex = this.parts.reserve();
    return this.parts;
  }

  private children(parent: Node, rawText: boolean): void {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      switch (node.nodeType) {
        case ELEMENT_NODE:
          this.element(node as Element);
          break;
        case TEXT_NODE:
        case CDATA_SECTION_NODE: {
          const text = (node as Text).data;
          this.parts.push(rawText ? text : escapeText(text));
          break;
        }
        case COMMENT_NODE:
          this.parts.push(`<!--${escapeCommentText((node as Comment).data)}-->`);
          break;
      }
    }
  }

  private element(el: Element): void {
    if (this.context.exclude?.(el)) return;
    const name = el.localName;
    let overrides: Record<string, AttributeValue> | null = null;
    switch (name) {
      case 'script':
        return this.script(el);
      case 'noscript':
      case 'base':
        return;
      case 'meta':
        if (isDroppedMeta(el)) return;
        break;
      case 'link': {
        const link = this.link(el as HTMLLinkElement);
        if (link === DROP) return;
        overrides = link;
        break;
      }
      case 'style':
        return this.style(el);
      case 'img':
        overrides = this.image(el as HTMLImageElement);
        break;
      case 'canvas':
        if (this.canvas(el as HTMLCanvasElement)) return;
        break;
      case 'iframe':
        overrides = this.frame(el as HTMLIFrameElement);
        break;
      case 'source':
        if (el.parentElement?.localName === 'picture' && el.parentElement.querySelector(':scope > img')) return;
        break;
      case 'input':
        overrides = formStateOverrides(el);
        if ((el as HTMLInputElement).type === 'image') overrides = { ...overrides, src: this.inlinedAttribute(el, 'src') };
        break;
      case 'option':
        overrides = formStateOverrides(el);
        break;
      case 'video':
        if (el.hasAttribute('poster')) overrides = { poster: this.inlinedAttribute(el, 'poster') };
        break;
      case 'image': // SVG
        overrides = el.hasAttribute('href') ? { href: this.inlinedAttribute(el, 'href') } : { 'xlink:href': this.inlinedAttribute(el, 'xlink:href') };
        break;
      case 'html':
        overrides = { 'data-receiptguard-scroll': scrollPosition(this.doc) };
        break;
    }

    this.startTag(el, name, overrides);
    if (name === 'head') this.parts.push('<meta charset="utf-8">');
    this.shadowRoot(el, name);
    if (VOID_ELEMENTS.has(name)) return;

    if (name === 'textarea') this.parts.push(escapeText(textareaText(el as HTMLTextAreaElement)));
    else if (name === 'template') this.children((el as HTMLTemplateElement).content, false);
    else if (name !== 'iframe' || !overrides?.srcdoc) {
      if ((name === 'pre' || name === 'listing') && el.firstChild?.nodeType === TEXT_NODE && (el.firstChild as Text).data.startsWith('\n')) this.parts.push('\n');
      this.children(el, RAW_TEXT_ELEMENTS.has(name));
    }

    if (name === 'head') this.adoptedSheets(this.doc.adoptedStyleSheets);
    if (name === 'body' && this.context.depth === 0 && this.notesIndex < 0) this.notesIndex = this.parts.reserve();
    this.parts.push(`</${name}>`);
  }

  private startTag(el: Element, name: string, overrides: Record<string, AttributeValue> | null): void {
    const parts = this.parts;
    parts.push(`<${name}`);
    const attributes = el.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const attributeName = attribute.name;
      if (overrides && attributeName in overrides) continue;
      // Event handlers: the viewer runs no script, and evidence should not carry any.
      if (attributeName.startsWith('on')) continue;
      let value = attribute.value;
      if (URL_ATTRIBUTES.has(attributeName) || (attributeName === 'data' && name === 'object')) value = this.url(value);
      else if (attributeName === 'style' && mayReferToResources(value)) {
        parts.push(' style="');
        parts.later(inlineCss([{ text: value, base: this.base }], this.context.loader), escapeAttribute);
        parts.push('"');
        continue;
      }
      parts.push(` ${attributeName}="${escapeAttribute(value)}"`);
    }
    if (overrides) {
      for (const attributeName in overrides) {
        const value = overrides[attributeName];
        if (value === null || value === undefined) continue;
        if (typeof value === 'string') parts.push(` ${attributeName}="${escapeAttribute(value)}"`);
        else {
          parts.push(` ${attributeName}="`);
          parts.later(value, escapeAttribute);
          parts.push('"');
        }
      }
    }
    parts.push('>');
  }

  /** The URL made absolute; `javascript:` becomes `#`; fragments and the unparsable stay as written. */
  private url(value: string): string {
    const trimmed = value.trim();
    if (/^javascript:/i.test(trimmed)) return '#';
    if (!trimmed || trimmed.startsWith('#')) return value;
    if (ABSOLUTE_URL.test(trimmed)) return trimmed;
    // Root-relative: the base's origin in front says the same without parsing.
    if (this.baseOrigin && trimmed[0] === '/' && trimmed[1] !== '/' && !trimmed.includes('\\')) return this.baseOrigin + trimmed;
    // Pages repeat the same few relative forms; parsing each once keeps long order lists cheap.
    let absolute = this.resolved.get(trimmed);
    if (absolute === undefined) {
      try {
        absolute = new URL(trimmed, this.base).href;
      } catch {
        absolute = value;
      }
      this.resolved.set(trimmed, absolute);
    }
    return absolute;
  }

  /** The resource as a data: URI, or its absolute URL when it cannot be inlined. */
  private inline(url: string): string | Promise<string> {
    if (/^data:/i.test(url)) return url;
    return this.context.loader.dataUri(url).then((inlined) => inlined ?? url);
  }

  private inlinedAttribute(el: Element, attribute: string): AttributeValue {
    const value = el.getAttribute(attribute);
    if (value === null) return null;
    const url = this.url(value);
    return url === '#' || url.startsWith('#') ? url : this.inline(url);
  }

  private script(el: Element): void {
    const data = embeddedScript(el);
    if (!data) return;
    const limit = this.context.loader.resourceLimit;
    const bytes = data.text.length * 3 > limit ? new TextEncoder().encode(data.text).length : data.text.length;
    if (bytes > limit) {
      this.context.loader.skip(`${this.doc.URL} <script type="${data.type}"> (${formatBytes(bytes)})`, `larger than the ${formatBytes(limit)} per-resource budget`);
      return;
    }
    this.context.embeddedData.push(data);
  }

  /** Stylesheets become <style> with their text; icons are inlined; preloads are dropped. */
  private link(el: HTMLLinkElement): Record<string, AttributeValue> | null | typeof DROP {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase();
    if (/\bstylesheet\b/.test(rel)) {
      this.stylesheetLink(el, rel);
      return DROP;
    }
    if (PRELOAD_RELS.test(rel)) return DROP;
    if (/icon\b/.test(rel) && el.hasAttribute('href')) return { href: this.inlinedAttribute(el, 'href') };
    return null;
  }

  private stylesheetLink(el: HTMLLinkElement, rel: string): void {
    const sheet = el.sheet as CSSStyleSheet | null;
    if (el.disabled || sheet?.disabled || (!sheet && rel.includes('alternate'))) return;
    const href = this.url(el.getAttribute('href') ?? '');
    const media = el.getAttribute('media');
    const open = `<style${media ? ` media="${escapeAttribute(media)}"` : ''}>`;
    const pieces = sheet ? cssomPieces(sheet, href) : null;
    if (pieces) {
      this.parts.push(open);
      this.css(pieces);
      this.parts.push('</style>');
      return;
    }
    if (!/^(?:https?|blob):/i.test(href)) return;
    // The CSSOM is closed to us (a cross-origin sheet without CORS): fetch the text, else keep the link.
    const loader = this.context.loader;
    const element = loader.text(href).then(async (text) => {
      if (text === null) return `<link rel="stylesheet" href="${escapeAttribute(href)}"${media ? ` media="${escapeAttribute(media)}"` : ''}>`;
      return `${open}${escapeRawText(await inlineCss([{ text, base: href }], loader), 'style')}</style>`;
    });
    this.parts.later(element);
  }

  private style(el: Element): void {
    const sheet = (el as HTMLStyleElement).sheet as CSSStyleSheet | null;
    if (sheet?.disabled) return;
    this.startTag(el, 'style', null);
    this.css(sheet ? (cssomPieces(sheet, this.base) ?? this.styleText(el)) : this.styleText(el));
    this.parts.push('</style>');
  }

  private styleText(el: Element): CssPiece[] {
    return [{ text: el.textContent ?? '', base: this.base }];
  }

  private css(pieces: CssPiece[]): void {
    if (!pieces.some((piece) => mayReferToResources(piece.text))) {
      this.parts.push(escapeRawText(pieces.map((piece) => piece.text).join('\n'), 'style'));
      return;
    }
    this.parts.later(inlineCss(pieces, this.context.loader), (css) => escapeRawText(css, 'style'));
  }

  private adoptedSheets(sheets: readonly CSSStyleSheet[] | undefined): void {
    if (!sheets) return;
    for (const sheet of sheets) {
      const pieces = cssomPieces(sheet, this.base);
      if (!pieces || sheet.disabled) continue;
      this.parts.push('<style>');
      this.css(pieces);
      this.parts.push('</style>');
    }
  }

  private image(img: HTMLImageElement): Record<string, AttributeValue> | null {
    const url = imageUrl(img, this.base);
    if (!url) return null;
    // The chosen source is inlined, so the alternatives and the lazy-loading hint have nothing left to do.
    return { src: this.inline(url), srcset: null, sizes: null, loading: null };
  }

  /** A canvas becomes an <img> of what it shows; true when written. A tainted canvas cannot be read. */
  private canvas(canvas: HTMLCanvasElement): boolean {
    let data: string;
    try {
      data = canvas.toDataURL();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.context.loader.skip(`canvas${canvas.id ? `#${canvas.id}` : ''} on ${this.doc.URL}`, `cannot be read (${reason})`);
      return false;
    }
    if (!data.startsWith('data:image/')) return false;
    this.parts.push('<img');
    for (const attribute of ['id', 'class', 'style']) {
      const value = canvas.getAttribute(attribute);
      if (value !== null) this.parts.push(` ${attribute}="${escapeAttribute(value)}"`);
    }
    this.parts.push(` width="${canvas.width}" height="${canvas.height}" src="${escapeAttribute(data)}">`);
    return true;
  }

  /** A frame we can read is written into srcdoc; one we cannot (another origin) stays a link to it. */
  private frame(iframe: HTMLIFrameElement): Record<string, AttributeValue> | null {
    let frameDoc: Document | null = null;
    try {
      frameDoc = iframe.contentDocument;
    } catch {
      // Another origin.
    }
    const src = iframe.getAttribute('src');
    const url = src === null ? '' : this.url(src);
    // A frame that has not navigated yet (loading=lazy, still loading) shows the initial about:blank: keep its link.
    const notLoaded = frameDoc?.URL === 'about:blank' && /^https?:/i.test(url);
    if (frameDoc?.documentElement && !notLoaded && this.context.depth < MAX_FRAME_DEPTH) {
      const writer = new DocumentWriter(frameDoc, { ...this.context, depth: this.context.depth + 1 });
      const parts = writer.write();
      return { src: null, srcdoc: parts.settle().then(() => parts.text()) };
    }
    if (/^https?:/i.test(url)) this.context.loader.skip(url, notLoaded ? 'frame not loaded yet: kept as a link' : 'frame from another origin: kept as a link');
    return null;
  }

  private shadowRoot(el: Element, name: string): void {
    const root = el.shadowRoot ?? (name.includes('-') ? closedShadowRoot(el) : null);
    if (!root) return;
    this.parts.push(`<template shadowrootmode="${root.mode}"${root.delegatesFocus ? ' shadowrootdelegatesfocus=""' : ''}>`);
    this.children(root, false);
    // After the root's own sheets, as the cascade orders them.
    this.adoptedSheets(root.adoptedStyleSheets);
    this.parts.push('</template>');
  }
}

const DROP = Symbol('drop');

/** Charset (we write our own, utf-8), content security policy and refresh: none belong in the saved file. */
function isDroppedMeta(meta: Element): boolean {
  if (meta.hasAttribute('charset')) return true;
  const httpEquiv = meta.getAttribute('http-equiv')?.trim().toLowerCase();
  return httpEquiv === 'content-security-policy' || httpEquiv === 'refresh' || httpEquiv === 'content-type';
}

/**
 * A closed shadow root, which extension content scripts may read (Chromium's chrome.dom, Firefox's
 * openOrClosedShadowRoot); null in a page script. Only custom elements are asked: that is where closed roots live.
 */
function closedShadowRoot(el: Element): ShadowRoot | null {
  try {
    const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    if (firefox) return firefox;
    return globalThis.chrome?.dom?.openOrClosedShadowRoot?.(el as HTMLElement) ?? null;
  } catch {
    return null;
  }
}

function scrollPosition(doc: Document): string {
  const view = doc.defaultView;
  const x = Math.round(view?.scrollX ?? doc.documentElement.scrollLeft ?? 0);
  const y = Math.round(view?.scrollY ?? doc.documentElement.scrollTop ?? 0);
  return `${x},${y}`;
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
