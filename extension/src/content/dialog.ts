// The confirmation dialog. It lives in a closed shadow root on its own host element, so page CSS cannot restyle it
// and page scripts cannot reach its buttons; Confirm acts only on trusted (user-made) events.
import type { Decision } from '../shared/protocol';
import { dialogCss } from './dialog-style';

export const DIALOG_HOST_TAG = 'receiptguard-dialog';
export const DIALOG_ATTRIBUTE = 'data-receiptguard-dialog';

export interface DialogText {
  title: string;
  lead: string;
  page: string;
  evidence: string;
  confirm: string;
  cancel: string;
}

export function isDialogHost(target: EventTarget): boolean {
  return target instanceof Element && target.localName === DIALOG_HOST_TAG;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, attributes: Record<string, string> = {}) {
  const el = doc.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** Shows the dialog and resolves with the user's decision. Cancel is the default: Esc, a click outside, Cancel. */
export function askDecision(doc: Document, text: DialogText): Promise<Decision> {
  const host = doc.createElement(DIALOG_HOST_TAG);
  host.setAttribute(DIALOG_ATTRIBUTE, 'open');
  // Inline !important so page rules for unknown elements cannot hide or shrink the host.
  for (const [name, value] of Object.entries({ all: 'initial', display: 'block', position: 'fixed', inset: '0', 'z-index': '2147483647' })) {
    host.style.setProperty(name, value, 'important');
  }
  const root = host.attachShadow({ mode: 'closed' });

  const style = element(doc, 'style', dialogCss);
  const backdrop = element(doc, 'div', undefined, { class: 'backdrop', part: 'backdrop' });
  const dialog = element(doc, 'div', undefined, {
    class: 'dialog',
    role: 'alertdialog',
    'aria-modal': 'true',
    'aria-labelledby': 'rg-title',
    'aria-describedby': 'rg-lead',
  });
  const title = element(doc, 'h2', text.title, { id: 'rg-title' });
  const lead = element(doc, 'p', text.lead, { id: 'rg-lead' });
  const page = element(doc, 'p', text.page, { class: 'page' });
  const evidence = element(doc, 'p', text.evidence, { class: 'evidence' });
  const actions = element(doc, 'div', undefined, { class: 'actions' });
  const cancel = element(doc, 'button', text.cancel, { type: 'button', class: 'cancel', 'data-action': 'cancel' });
  const confirm = element(doc, 'button', text.confirm, { type: 'button', class: 'confirm', 'data-action': 'confirm' });
  actions.append(cancel, confirm);
  dialog.append(title, lead, page, evidence, actions);
  backdrop.append(dialog);
  root.append(style, backdrop);

  const previousFocus = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;

  return new Promise<Decision>((resolve) => {
    const close = (decision: Decision): void => {
      host.remove();
      previousFocus?.focus({ preventScroll: true });
      resolve(decision);
    };

    cancel.addEventListener('click', () => close('cancelled'));
    confirm.addEventListener('click', (event) => {
      if (event.isTrusted) close('confirmed');
    });
    backdrop.addEventListener('click', (event) => {
      if (event.target === backdrop) close('cancelled');
    });
    root.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      // Keys typed in the dialog are the dialog's: the page's shortcuts must not fire behind it.
      event.stopPropagation();
      if (key === 'Escape') {
        event.preventDefault();
        close('cancelled');
      } else if (key === 'Tab') {
        // Focus trap: two buttons, so Tab and Shift+Tab both move to the other one.
        event.preventDefault();
        (root.activeElement === cancel ? confirm : cancel).focus();
      }
    });

    doc.documentElement.append(host);
    cancel.focus();
  });
}
