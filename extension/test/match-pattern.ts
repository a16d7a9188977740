// Chrome's match-pattern rules, enough for the patterns the platform modules use: whether a content script declared
// with these patterns runs on a URL.

export function matchesPattern(pattern: string, href: string): boolean {
  const url = new URL(href);
  const [, scheme, host, path] = /^(\*|https?):\/\/(\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern) ?? [];
  if (!scheme || !host || !path) throw new Error(`bad pattern ${pattern}`);
  if (scheme === '*' ? !/^https?:$/.test(url.protocol) : url.protocol !== `${scheme}:`) return false;
  const domain = host.replace(/^\*\./, '');
  if (host.startsWith('*.') ? url.hostname !== domain && !url.hostname.endsWith(`.${domain}`) : url.hostname !== host) return false;
  const glob = new RegExp(`^${path.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\/]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}

export const covered = (patterns: readonly string[], href: string): boolean => patterns.some((pattern) => matchesPattern(pattern, href));
