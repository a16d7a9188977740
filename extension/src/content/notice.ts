// A small panel after the choice: what happened to the click and to the evidence, and what to do next. Like the
// dialog it lives in a closed shadow root; it announces itself politely to screen readers and goes after a while.
import { element, shieldedHost } from './dialog';
import { noticeCss } from './dialog-style';

export const NOTICE_HOST_TAG = 'receiptguard-notice';
export const NOTICE_MS = 15_000;

export interface NoticeAction {
  id: string;
  label: string;
  run: () => void | Promise<void>;
}

export interface Notice {
  say(text: string): void;
  close(): void;
}

export function showNotice(
  doc: Document,
  options: { text: string; tone: 'ok' | 'warn' | 'error'; actions: NoticeAction[]; closeLabel: string; lang: string },
): Notice {
  doc.querySelector(NOTICE_HOST_TAG)?.remove();
  const host = shieldedHost(doc, NOTICE_HOST_TAG, { position: 'fixed', right: '0', bottom: '0' });
  const root = host.attachShadow({ mode: 'closed' });
  const panel = element(doc, 'div', undefined, { class: `surface notice ${options.tone}`, role: 'status', 'aria-live': 'polite', lang: options.lang });
  const text = element(doc, 'p', options.text, { 'data-notice': 'text' });
  const links = element(doc, 'div', undefined, { class: 'links' });
  for (const action of options.actions) {
    const button = element(doc, 'button', action.label, { type: 'button', 'data-notice-action': action.id });
    button.addEventListener('click', () => void action.run());
    links.append(button);
  }
  const close = element(doc, 'button', '×', { type: 'button', class: 'close', 'aria-label': options.closeLabel, 'data-notice-action': 'close' });
  panel.append(close, text, links);
  root.append(element(doc, 'style', noticeCss), panel);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const dismiss = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    host.remove();
  };
  // It stays while the user is looking at or using it.
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(dismiss, NOTICE_MS);
  };
  close.addEventListener('click', dismiss);
  panel.addEventListener('pointerenter', () => timer !== undefined && clearTimeout(timer));
  panel.addEventListener('pointerleave', arm);
  panel.addEventListener('focusin', () => timer !== undefined && clearTimeout(timer));
  root.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if ((event as KeyboardEvent).key === 'Escape') dismiss();
  });
  doc.documentElement.append(host);
  arm();
  return {
    say(next) {
      text.textContent = next;
    },
    close: dismiss,
  };
}
