// Which <script> elements carry data about the order. Every script is left out of the captured HTML; these are kept
// apart (SnapshotV1.embeddedData) because order pages often hold the order itself as JSON in a script.
import type { EmbeddedScript } from '../shared/protocol';

const JAVASCRIPT_TYPES = new Set([
  '', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'application/x-ecmascript',
  'application/x-javascript', 'text/ecmascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2',
  'text/javascript1.3', 'text/javascript1.4', 'text/javascript1.5', 'text/jscript', 'text/livescript',
  'text/x-ecmascript', 'text/x-javascript', 'text/babel', 'text/jsx',
]);

/** Instructions to the browser, not data about the page. */
const BROWSER_TYPES = new Set(['importmap', 'speculationrules']);

/** Ways pages hand their data to their scripts: Taobao's `var data = JSON.parse('…')`, Pinduoduo's `window.rawData`, … */
const DATA_PATTERNS =
  /JSON\.parse\s*\(|window\.rawData\b|__INITIAL_STATE__|__NEXT_DATA__|__NUXT__|__PRELOADED_STATE__|__APOLLO_STATE__|\bvar\s+data\s*=/;

/** The script as embedded data, or null when it is code (or empty). */
export function embeddedScript(script: Element): EmbeddedScript | null {
  if (script.hasAttribute('src')) return null;
  const text = script.textContent ?? '';
  if (!text.trim()) return null;
  const typeAttribute = script.getAttribute('type');
  const type = (typeAttribute ?? '').trim().toLowerCase();
  if (BROWSER_TYPES.has(type)) return null;
  if (JAVASCRIPT_TYPES.has(type) && !DATA_PATTERNS.test(text)) return null;
  return { type: typeAttribute?.trim() || 'text/javascript', text };
}
