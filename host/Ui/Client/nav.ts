// The top navigation (Orders · Snapshots · Stats · Settings) on every page: names it in the reader's language and marks where we are.
import { t } from './i18n';

export function markNav(): void {
  const nav = document.getElementById('top-nav');
  if (!nav) return;
  nav.setAttribute('aria-label', t('navLabel'));
  const path = location.pathname;
  const section = path.startsWith('/orders') ? '/orders' : path === '/' || path.startsWith('/snapshots') ? '/' : path.startsWith('/stats') ? '/stats' : path.startsWith('/settings') ? '/settings' : null;
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (link.getAttribute('href') === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
