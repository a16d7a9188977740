// The confirmation dialog. It lives in a closed shadow root on its own host element, so page CSS cannot restyle it
// and page scripts cannot reach it; Confirm acts only on trusted (user-made) events, and only once every checklist
// item is ticked (and the word typed, where asked). Cancel is the default: focus starts there, Esc and a click
// outside cancel too.
import type { Decision } from '../shared/protocol';
import type { DialogContent } from './dialog-content';
import { dialogCss } from './dialog-style';
import { normalizeLabel } from './labels';

export const DIALOG_HOST_TAG = 'receiptguard-dialog';
export const DIALOG_ATTRIBUTE = 'data-receiptguard-dialog';

export function isDialogHost(target: EventTarget): boolean {
  const element = target as Element;
  return element.nodeType === Node.ELEMENT_NODE && (element.localName === DIALOG_HOST_TAG || element.localName === 'receiptguard-notice');
}

export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, attributes: Record<string, string> = {}) {
  const el = doc.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** A host element that page rules cannot hide or shrink (inline !important beats any stylesheet). */
export function shieldedHost(doc: Document, tag: string, style: Record<string, string>): HTMLElement {
  const host = doc.createElement(tag);
  for (const [name, value] of Object.entries({ all: 'initial', display: 'block', 'z-index': '2147483647', ...style })) {
    host.style.setProperty(name, value, 'important');
  }
  return host;
}

export interface DialogAnswer {
  decision: Decision;
  /** Checklist item id → ticked, as the user left them. */
  checklist: Record<string, boolean>;
}

function build(doc: Document, content: DialogContent) {
  const dialog = element(doc, 'div', undefined, {
    class: 'dialog',
    role: 'alertdialog',
    'aria-modal': 'true',
    'aria-labelledby': 'rg-title',
    'aria-describedby': 'rg-lead',
    lang: content.lang,
  });
  dialog.append(element(doc, 'h2', content.title, { id: 'rg-title' }), element(doc, 'p', content.lead, { id: 'rg-lead', class: 'lead' }));
  dialog.append(element(doc, 'p', content.clicked, { class: 'clicked' }));

  const summary = element(doc, 'dl', undefined, { class: 'summary' });
  for (const { label, value } of content.summary) summary.append(element(doc, 'dt', label), element(doc, 'dd', value));
  dialog.append(summary);

  if (content.warnings.length > 0) {
    const warnings = element(doc, 'ul', undefined, { class: 'warnings' });
    for (const { kind, text } of content.warnings) warnings.append(element(doc, 'li', text, { class: `warning ${kind}`, 'data-warning': kind }));
    dialog.append(warnings);
  }

  const boxes: HTMLInputElement[] = [];
  if (content.checklist.length > 0) {
    const fieldset = element(doc, 'fieldset', undefined, { class: 'checklist' });
    fieldset.append(element(doc, 'legend', content.checklistLegend));
    for (const item of content.checklist) {
      const label = element(doc, 'label', undefined, { class: 'check' });
      const box = element(doc, 'input', undefined, { type: 'checkbox', 'data-check': item.id });
      label.append(box, element(doc, 'span', item.text));
      if (item.id === 'nobody-asked') {
        const note = element(doc, 'small', content.scamNote, { class: 'scam', id: 'rg-scam' });
        box.setAttribute('aria-describedby', 'rg-scam');
        label.append(note);
      }
      fieldset.append(label);
      boxes.push(box);
    }
    dialog.append(fieldset);
  }

  let typed: HTMLInputElement | null = null;
  if (content.typeToConfirm) {
    const wrap = element(doc, 'div', undefined, { class: 'type' });
    typed = element(doc, 'input', undefined, { id: 'rg-type', type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-type-word': '' });
    wrap.append(element(doc, 'label', content.typeToConfirm.prompt, { for: 'rg-type' }), typed);
    dialog.append(wrap);
  }

  dialog.append(element(doc, 'p', content.evidence, { class: 'evidence' }));
  const actions = element(doc, 'div', undefined, { class: 'actions' });
  const cancel = element(doc, 'button', content.cancel, { type: 'button', class: 'cancel', 'data-action': 'cancel' });
  const confirm = element(doc, 'button', content.confirm, { type: 'button', class: 'confirm', 'data-action': 'confirm' });
  actions.append(cancel, confirm);
  dialog.append(actions);
  return { dialog, boxes, typed, cancel, confirm };
}

/** Shows the dialog and resolves with the user's decision and checklist answers. */
export function askDecision(doc: Document, content: DialogContent): Promise<DialogAnswer> {
  const host = shieldedHost(doc, DIALOG_HOST_TAG, { position: 'fixed', inset: '0' });
  host.setAttribute(DIALOG_ATTRIBUTE, 'open');
  const root = host.attachShadow({ mode: 'closed' });
  const backdrop = element(doc, 'div', undefined, { class: 'backdrop' });
  const { dialog, boxes, typed, cancel, confirm } = build(doc, content);
  backdrop.append(dialog);
  root.append(element(doc, 'style', dialogCss), backdrop);

  const word = content.typeToConfirm ? normalizeLabel(content.typeToConfirm.word) : '';
  const ready = (): boolean => boxes.every((box) => box.checked) && (!typed || normalizeLabel(typed.value) === word);
  const refresh = (): void => {
    confirm.disabled = !ready();
  };
  refresh();
  for (const box of boxes) box.addEventListener('change', refresh);
  typed?.addEventListener('input', refresh);

  const previousFocus = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;

  return new Promise<DialogAnswer>((resolve) => {
    const close = (decision: Decision): void => {
      host.remove();
      previousFocus?.focus({ preventScroll: true });
      resolve({ decision, checklist: Object.fromEntries(boxes.map((box) => [box.dataset.check!, box.checked])) });
    };

    cancel.addEventListener('click', () => close('cancelled'));
    confirm.addEventListener('click', (event) => {
      if (event.isTrusted && ready()) close('confirmed');
    });
    backdrop.addEventListener('click', (event) => {
      if (event.target === backdrop) close('cancelled');
    });
    root.addEventListener('keydown', (event) => {
      const { key, shiftKey } = event as KeyboardEvent;
      // Keys typed in the dialog are the dialog's: the page's shortcuts must not fire behind it.
      event.stopPropagation();
      if (key === 'Escape') {
        event.preventDefault();
        close('cancelled');
      } else if (key === 'Tab') {
        // Focus trap, in document order, skipping a Confirm that is not yet enabled.
        event.preventDefault();
        const order = [...boxes, ...(typed ? [typed] : []), cancel, confirm].filter((el) => !el.disabled);
        const at = order.indexOf(root.activeElement as HTMLInputElement | HTMLButtonElement);
        order[(at + (shiftKey ? -1 : 1) + order.length) % order.length]?.focus();
      }
    });

    doc.documentElement.append(host);
    // Without scrolling: the buttons are pinned at the bottom, and the dialog should open at its title.
    cancel.focus({ preventScroll: true });
  });
}
