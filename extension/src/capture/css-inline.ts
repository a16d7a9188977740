// Stylesheet text for the capture: read from the CSSOM (so rules a script inserted are kept), with every url()
// resolved against the sheet's own address and inlined as a data: URI when the budget allows.
import { ResourceLoader, textToDataUri } from './resources';

/** Some CSS text and the address its relative URLs are relative to. */
export interface CssPiece {
  text: string;
  base: string;
}

// url(...) in its three spellings, optionally after @import; or @import with a bare string.
const CSS_REFERENCE =
  /(@import\s*)?url\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|((?:[^)\s"'\\]|\\.)*))\s*\)|@import\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')/gi;
const MAY_REFER = /url\(|@import/i;
const IMPORT_RULE = 3; // CSSRule.IMPORT_RULE: `instanceof` fails for rules from another frame's realm.
const MAX_IMPORT_DEPTH = 4;

/**
 * The sheet's rules as text, with readable @import rules replaced by the imported sheet's own rules (wrapped in the
 * import's media, layer and supports conditions). Null when the CSSOM cannot be read (a cross-origin sheet).
 */
export function cssomPieces(sheet: CSSStyleSheet, fallbackBase: string, depth = 0): CssPiece[] | null {
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    return null;
  }
  const base = sheet.href ?? fallbackBase;
  const pieces: CssPiece[] = [];
  let texts: string[] = [];
  const flush = () => {
    if (texts.length) pieces.push({ text: texts.join('\n'), base });
    texts = [];
  };
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const imported = rule.type === IMPORT_RULE ? importedPieces(rule as CSSImportRule, base, depth) : null;
    if (!imported) {
      texts.push(rule.cssText);
      continue;
    }
    flush();
    pieces.push(...imported);
  }
  flush();
  return pieces;
}

function importedPieces(rule: CSSImportRule, base: string, depth: number): CssPiece[] | null {
  if (depth >= MAX_IMPORT_DEPTH || !rule.styleSheet) return null;
  const inner = cssomPieces(rule.styleSheet, rule.styleSheet.href ?? base, depth + 1);
  if (!inner) return null;
  const open: string[] = [];
  const layer = (rule as CSSImportRule & { layerName?: string | null }).layerName;
  if (typeof layer === 'string') open.push(layer ? `@layer ${layer} {` : '@layer {');
  const supports = (rule as CSSImportRule & { supportsText?: string | null }).supportsText;
  if (supports) open.push(`@supports (${supports}) {`);
  if (rule.media.mediaText) open.push(`@media ${rule.media.mediaText} {`);
  if (!open.length) return inner;
  return [{ text: open.join('\n'), base }, ...inner, { text: '}'.repeat(open.length), base }];
}

/** Whether the text may refer to anything outside it (a cheap test before the real work). */
export const mayReferToResources = (css: string): boolean => MAY_REFER.test(css);

/** CSS text with every url() absolute, and inlined as a data: URI when the loader can get it. */
export async function inlineCss(pieces: CssPiece[], loader: ResourceLoader, depth = 0): Promise<string> {
  const texts = await Promise.all(pieces.map((piece) => inlineCssText(piece.text, piece.base, loader, depth)));
  return texts.join('\n');
}

function inlineCssText(css: string, base: string, loader: ResourceLoader, depth: number): Promise<string> | string {
  if (!mayReferToResources(css)) return css;
  // Every fetch starts now, in one pass; the text is put together when they are all done.
  const parts: (string | Promise<string>)[] = [];
  let last = 0;
  for (const match of css.matchAll(CSS_REFERENCE)) {
    const isImport = match[1] !== undefined || match[5] !== undefined || match[6] !== undefined;
    const raw = match[2] ?? match[3] ?? match[4] ?? match[5] ?? match[6] ?? '';
    const url = absoluteCssUrl(unescapeCss(raw.trim()), base);
    if (url === null) continue;
    parts.push(css.slice(last, match.index));
    last = match.index + match[0].length;
    const prefix = isImport ? '@import url(' : 'url(';
    const inlined = isImport ? stylesheetDataUri(url, loader, depth) : loader.dataUri(url);
    parts.push(inlined.then((value) => `${prefix}"${escapeCssString(value ?? url)}")`));
  }
  parts.push(css.slice(last));
  return Promise.all(parts).then((done) => done.join(''));
}

/** An imported sheet that the CSSOM could not give us, fetched, inlined in turn and made a data: URI. */
async function stylesheetDataUri(url: string, loader: ResourceLoader, depth: number): Promise<string | null> {
  if (depth >= MAX_IMPORT_DEPTH) return null;
  const text = await loader.text(url);
  if (text === null) return null;
  const css = await inlineCss([{ text, base: url }], loader, depth + 1);
  const uri = textToDataUri(css, 'text/css');
  if (!loader.fitsTotal(uri.length)) return null;
  loader.count(uri.length);
  return uri;
}

/** The URL made absolute; null for what must stay as written (fragments such as SVG filter references, data:). */
export function absoluteCssUrl(url: string, base: string): string | null {
  if (!url || url.startsWith('#') || /^data:/i.test(url)) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

function unescapeCss(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\(?:([0-9a-f]{1,6})\s?|(.))/gi, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16) || 0xfffd) : (char ?? ''),
  );
}

const escapeCssString = (value: string): string => value.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`));
