// Which address an <img> really shows. Shop pages load images lazily: until the image scrolls into view its src is a
// placeholder and the real address waits in a data-* attribute (or a srcset), so the loaded source is not enough.

/** Attributes lazy-loading libraries keep the real address in, most common first (data-ks-lazyload is Taobao's). */
const LAZY_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-ks-lazyload', 'data-lazyload'];

// Inline GIFs and tiny inline images are placeholders, as are files named like one.
const PLACEHOLDER_NAME = /(?:^|[/_-])(?:blank|spacer|placeholder|transparent|pixel|lazy(?:load)?|loading|1x1)\.(?:gif|png|svg|jpe?g|webp)(?:[?#]|$)/i;

export function isPlaceholder(url: string): boolean {
  if (!url || url === 'about:blank') return true;
  if (/^data:/i.test(url)) return /^data:image\/gif/i.test(url) || url.length < 200;
  return PLACEHOLDER_NAME.test(url);
}

interface Candidate {
  url: string;
  /** Width in pixels (`640w`) or density times 10 000 (`2x`), to compare candidates of one srcset. */
  size: number;
}

/** The candidates of a srcset attribute. URLs may contain commas (not at their end), descriptors may not. */
export function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  let position = 0;
  while (position < srcset.length) {
    while (position < srcset.length && /[\s,]/.test(srcset[position]!)) position++;
    if (position >= srcset.length) break;
    let end = position;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(position, end);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const comma = srcset.indexOf(',', end);
      descriptor = srcset.slice(end, comma < 0 ? srcset.length : comma).trim();
      end = comma < 0 ? srcset.length : comma + 1;
    }
    position = end;
    const width = /^(\d+)w$/.exec(descriptor);
    const density = /^(\d*\.?\d+)x$/.exec(descriptor);
    candidates.push({ url, size: width ? Number(width[1]) : density ? Number(density[1]) * 10_000 : 10_000 });
  }
  return candidates;
}

/** The biggest candidate's URL, made absolute; null when there is none. */
export function largestCandidate(srcset: string, base: string): string | null {
  let best: Candidate | null = null;
  for (const candidate of parseSrcset(srcset)) if (!best || candidate.size > best.size) best = candidate;
  return best ? absolute(best.url, base) : null;
}

/** The address the image shows or would show once loaded; null when it has none. */
export function imageUrl(img: HTMLImageElement, base: string): string | null {
  const src = img.getAttribute('src');
  const current = img.currentSrc || (src ? absolute(src, base) : null) || '';
  const loaded = img.complete && img.naturalWidth > 1;
  if (loaded && !isPlaceholder(current)) return current;
  const lazy = lazyUrl(img, base);
  if (lazy) return lazy;
  if (current && !isPlaceholder(current)) return current;
  const srcset = img.getAttribute('srcset');
  return (srcset && largestCandidate(srcset, base)) || current || null;
}

function lazyUrl(img: Element, base: string): string | null {
  for (const name of LAZY_ATTRIBUTES) {
    const value = img.getAttribute(name)?.trim();
    if (value && !isPlaceholder(value)) return absolute(value, base);
  }
  const srcset = img.getAttribute('data-srcset');
  return srcset ? largestCandidate(srcset, base) : null;
}

function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}
