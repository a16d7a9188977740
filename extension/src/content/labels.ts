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
 * NFKC (full-width letters and digits become ASCII), lower case, and nothing but letters and digits: spaces, nbsp,
 * zero-width characters, punctuation and icon-font glyphs (private use area) all go.
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Longest raw text node worth normalising: a label plus generous whitespace and an icon. */
const MAX_FRAGMENT_CHARS = 64;

export class LabelMatcher {
  private readonly normalized: ReadonlySet<string>;
  private readonly list: readonly string[];
  readonly maxLength: number;

  constructor(labels: readonly string[]) {
    this.list = [...new Set(labels.map(normalizeLabel).filter(Boolean))];
    this.normalized = new Set(this.list);
    this.maxLength = Math.max(...this.list.map((l) => l.length));
  }

  /** The text, normalised, is exactly a label. */
  matches(text: string): boolean {
    return this.normalized.has(normalizeLabel(text));
  }

  matchesNormalized(normalized: string): boolean {
    return this.normalized.has(normalized);
  }

  /**
   * Could this text node be (part of) a label? True for "确认收货", "确认" or " 收货 " — the words may be split across
   * elements — and false for anything longer or different. Cheap enough to ask of every text node on a page.
   */
  mayBePartOf(raw: string): boolean {
    if (raw.length > MAX_FRAGMENT_CHARS) return false;
    const normalized = normalizeLabel(raw);
    if (normalized.length === 0 || normalized.length > this.maxLength) return false;
    return this.list.some((label) => label.includes(normalized));
  }
}
