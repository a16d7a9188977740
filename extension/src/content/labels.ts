// What a confirm-receipt control says. Matching is exact after normalisation, which is what keeps false friends out:
// 确认收货地址, 已确认收货, 确认收货时间 and prose that mentions 确认收货 are longer than any label, so never equal.

/** Labels every platform and the generic rule recognise. Platforms add their own (e.g. Shopee's "Order Received"). */
export const COMMON_LABELS: readonly string[] = [
  '确认收货',
  '确认收到货',
  '批量确认收货',
  '確認收貨',
  'Confirm receipt',
  'Confirm received',
  'Order received',
  'Confirm delivery',
  '受取確認',
  '구매확정',
];

/**
 * What is not part of a label's words: white space, ASCII and general punctuation, symbols and arrows, CJK
 * punctuation, zero-width characters, icon-font glyphs (private use area) and emoji. Listed as ranges rather than
 * as Unicode property classes, which cost milliseconds to compile on every page the content script starts on.
 */
const NOT_WORD =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  /[\s\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u2bff\u3000-\u303f\ue000-\uf8ff\ufe10-\ufe6f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ud800-\udfff]+/g;

/**
 * NFKC (full-width letters and digits become ASCII), lower case, and nothing but the words: spaces, nbsp,
 * zero-width characters, punctuation and icon-font glyphs all go.
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NOT_WORD, '');
}

/** Longest raw text node worth normalising: a label plus generous whitespace and an icon. */
const MAX_FRAGMENT_CHARS = 64;

/**
 * One short piece per label that every way of splitting the label across elements leaves whole in some fragment, so
 * a text node without any of them cannot be part of a label: for a label written without spaces its last two
 * characters (确认收货 → 收货, split as 确认|收货), for a spaced one its longest word without the first letter
 * (Confirm receipt → onfirm); the test ignores case.
 */
export function labelAnchors(labels: readonly string[]): string[] {
  const anchors = new Set<string>();
  for (const label of labels) {
    const words = label.normalize('NFKC').split(NOT_WORD).filter(Boolean);
    if (words.length > 1) {
      const longest = words.reduce((a, b) => ([...b].length > [...a].length ? b : a));
      anchors.add([...longest].slice(1).join(''));
    } else if (words.length === 1) {
      anchors.add([...words[0]!].slice(-2).join(''));
    }
  }
  // An anchor that contains another adds nothing.
  return [...anchors].filter((anchor) => ![...anchors].some((other) => other !== anchor && anchor.includes(other)));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pages repeat the same few button texts hundreds of times: normalising each distinct text once is enough. */
const CACHE_LIMIT = 4096;

export class LabelMatcher {
  private readonly cache = new Map<string, string>();
  private prepared?: { normalized: ReadonlySet<string>; list: readonly string[]; maxLength: number; anchors: readonly string[]; anchorPattern: RegExp };

  /** The labels are prepared on first use: most shop pages are opened and closed without a label ever being needed. */
  constructor(private readonly labels: readonly string[]) {}

  private get ready() {
    if (!this.prepared) {
      const list = [...new Set(this.labels.map(normalizeLabel).filter(Boolean))];
      const anchors = labelAnchors(this.labels);
      this.prepared = {
        list,
        normalized: new Set(list),
        maxLength: Math.max(...list.map((l) => l.length)),
        anchors,
        // Case-insensitive, so "Confirm", "confirm" and "CONFIRM" all hold "onfirm".
        anchorPattern: new RegExp(anchors.map(escapeRegExp).join('|'), 'i'),
      };
    }
    return this.prepared;
  }

  get maxLength(): number {
    return this.ready.maxLength;
  }

  /** See labelAnchors: a cheap first test for every text node on a page. */
  get anchors(): readonly string[] {
    return this.ready.anchors;
  }

  /** The same test as one regular expression: a single native call per text node. */
  get anchorPattern(): RegExp {
    return this.ready.anchorPattern;
  }

  /** Whether a raw text holds an anchor (see labelAnchors); nearly every text on a page does not. */
  hasAnchor(raw: string): boolean {
    return raw.length <= MAX_FRAGMENT_CHARS && this.anchorPattern.test(raw);
  }

  /** normalizeLabel, remembered for short texts. */
  normalize(text: string): string {
    if (text.length > 256) return normalizeLabel(text);
    let normalized = this.cache.get(text);
    if (normalized === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      normalized = normalizeLabel(text);
      this.cache.set(text, normalized);
    }
    return normalized;
  }

  /** The text, normalised, is exactly a label. */
  matches(text: string): boolean {
    return this.ready.normalized.has(this.normalize(text));
  }

  matchesNormalized(normalized: string): boolean {
    return this.ready.normalized.has(normalized);
  }

  /**
   * Could this text node be (part of) a label? True for "确认收货", "确认" or " 收货 " — the words may be split across
   * elements — and false for anything longer or different. Cheap enough to ask of every text node on a page.
   */
  mayBePartOf(raw: string): boolean {
    if (raw.length > MAX_FRAGMENT_CHARS) return false;
    const normalized = this.normalize(raw);
    if (normalized.length === 0 || normalized.length > this.maxLength) return false;
    return this.ready.list.some((label) => label.includes(normalized));
  }
}
