// HTML serialization rules (the HTML standard's "serializing HTML fragments"), and an output made of string parts
// whose slow pieces (inlined resources) are filled in once they arrive.

/** Elements written without an end tag. */
export const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);

/** Elements whose text children are written as they are, unescaped. */
export const RAW_TEXT_ELEMENTS = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

// Separate test patterns: a /g pattern's test() keeps state between calls.
const ATTRIBUTE_SPECIALS = /[&"\u00a0<>]/g;
const HAS_ATTRIBUTE_SPECIALS = /[&"\u00a0<>]/;
const TEXT_SPECIALS = /[&<>\u00a0]/g;
const HAS_TEXT_SPECIALS = /[&<>\u00a0]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '\u00a0': '&nbsp;', '<': '&lt;', '>': '&gt;' };
const toEntity = (c: string): string => ENTITIES[c]!;

/**
 * An attribute value. `<` and `>` are escaped too (as browsers now do): harmless when parsed, and they keep a value
 * from being re-read as markup by anything less careful than an HTML parser.
 */
export function escapeAttribute(value: string): string {
  return HAS_ATTRIBUTE_SPECIALS.test(value) ? value.replace(ATTRIBUTE_SPECIALS, toEntity) : value;
}

export function escapeText(value: string): string {
  return HAS_TEXT_SPECIALS.test(value) ? value.replace(TEXT_SPECIALS, toEntity) : value;
}

/** Text for a raw-text element such as <style>: it must not close the element early. */
export function escapeRawText(value: string, element: string): string {
  const closing = new RegExp(`</(${element})`, 'gi');
  return value.replace(closing, '<\\/$1');
}

/** Text for a comment: no `--` (which could end it early) and no `<!` (which could nest one). */
export function escapeCommentText(value: string): string {
  return value.replace(/--/g, '-%2D').replace(/<!/g, '%3C!').replace(/^>/, '%3E');
}

/** The doctype, with its public and system ids so that a quirks-mode page stays in quirks mode. */
export function doctypeText(doctype: DocumentType | null): string {
  if (!doctype) return '';
  let text = `<!DOCTYPE ${doctype.name}`;
  if (doctype.publicId) text += ` PUBLIC "${doctype.publicId}"`;
  if (doctype.systemId) text += `${doctype.publicId ? '' : ' SYSTEM'} "${doctype.systemId}"`;
  return `${text}>`;
}

interface Slot {
  index: number;
  value: Promise<string>;
  escape: (value: string) => string;
}

/**
 * The serialized HTML as an array of parts. `later` reserves a part for a value still being fetched; `join` waits for
 * them all. Pushing strings and joining once is much cheaper than growing one string.
 */
export class HtmlParts {
  private readonly parts: string[] = [];
  private readonly slots: Slot[] = [];

  push(text: string): void {
    this.parts.push(text);
  }

  later(value: Promise<string>, escape: (value: string) => string = (v) => v): void {
    this.slots.push({ index: this.parts.length, value, escape });
    this.parts.push('');
  }

  /** Reserves a part to be set with `fill` before `join`. */
  reserve(): number {
    this.parts.push('');
    return this.parts.length - 1;
  }

  fill(index: number, text: string): void {
    this.parts[index] = text;
  }

  /** Waits for the pending parts; they never reject (a resource that failed is already a fallback value). */
  async settle(): Promise<void> {
    const values = await Promise.all(this.slots.map((slot) => slot.value));
    this.slots.forEach((slot, i) => (this.parts[slot.index] = slot.escape(values[i]!)));
    this.slots.length = 0;
  }

  text(): string {
    return this.parts.join('');
  }
}
