// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { askDecision, DIALOG_ATTRIBUTE } from './dialog';
import type { DialogContent } from './dialog-content';

const base: DialogContent = {
  lang: 'en',
  title: 'T',
  lead: 'L',
  clicked: 'C',
  summary: [{ label: 'Order', value: '123' }],
  warnings: [{ kind: 'logistics', text: 'not delivered' }],
  checklistLegend: 'Before you confirm',
  checklist: [
    { id: 'received', text: 'received' },
    { id: 'nobody-asked', text: 'nobody asked' },
  ],
  scamNote: 'scam',
  typeToConfirm: null,
  evidence: 'E',
  confirm: 'Confirm receipt',
  cancel: 'Cancel',
};

function openDialog(content: DialogContent = base) {
  // Reach into the closed shadow root the way only the extension can: by keeping the reference attachShadow returns.
  const original = Element.prototype.attachShadow;
  let shadow: ShadowRoot | undefined;
  Element.prototype.attachShadow = function (init) {
    shadow = original.call(this, init);
    return shadow;
  };
  const answer = askDecision(document, content);
  Element.prototype.attachShadow = original;
  const $ = <T extends Element = HTMLElement>(selector: string) => shadow!.querySelector<T & Element>(selector)! as T;
  const button = (action: string) => $<HTMLButtonElement>(`[data-action="${action}"]`);
  const tick = (id: string) => {
    const box = $<HTMLInputElement>(`[data-check="${id}"]`);
    box.click();
  };
  return { answer, shadow: shadow!, $, button, tick };
}

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const trustedClick = (el: Element) => el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
const key = (el: Element, k: string, shiftKey = false) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }));

describe('askDecision', () => {
  afterEach(() => {
    document.documentElement.querySelectorAll('receiptguard-dialog').forEach((el) => el.remove());
  });

  it('opens with the host marked open, a labelled alert dialog, and focus on Cancel', () => {
    const { shadow, button, $ } = openDialog();
    expect(document.querySelector(`[${DIALOG_ATTRIBUTE}="open"]`)).not.toBeNull();
    expect($('[role="alertdialog"]').getAttribute('aria-modal')).toBe('true');
    expect($('#rg-title').textContent).toBe('T');
    expect(shadow.activeElement).toBe(button('cancel'));
    button('cancel').click();
  });

  it('shows the order summary, the warnings and the scam note', () => {
    const { $, button } = openDialog();
    expect($('dl.summary').textContent).toBe('Order123');
    expect($('[data-warning="logistics"]').textContent).toBe('not delivered');
    expect($('small.scam').textContent).toBe('scam');
    button('cancel').click();
  });

  it('keeps Confirm disabled until every checklist item is ticked', async () => {
    const { answer, button, tick } = openDialog();
    expect(button('confirm').disabled).toBe(true);
    tick('received');
    expect(button('confirm').disabled).toBe(true);
    tick('nobody-asked');
    expect(button('confirm').disabled).toBe(false);
    trustedClick(button('confirm'));
    await expect(answer).resolves.toEqual({ decision: 'confirmed', checklist: { received: true, 'nobody-asked': true } });
  });

  it('asks for the word to be typed when required, whatever its case and spacing', async () => {
    const { answer, button, tick, $ } = openDialog({ ...base, checklist: [{ id: 'received', text: 'r' }], typeToConfirm: { prompt: 'Type “confirm”', word: 'confirm' } });
    tick('received');
    expect(button('confirm').disabled).toBe(true);
    const input = $<HTMLInputElement>('[data-type-word]');
    input.value = ' Confirm ';
    input.dispatchEvent(new Event('input'));
    expect(button('confirm').disabled).toBe(false);
    trustedClick(button('confirm'));
    await expect(answer).resolves.toMatchObject({ decision: 'confirmed' });
  });

  it('offers plain Confirm and Cancel when there is no checklist', async () => {
    const { answer, button } = openDialog({ ...base, checklist: [] });
    expect(button('confirm').disabled).toBe(false);
    trustedClick(button('confirm'));
    await expect(answer).resolves.toMatchObject({ decision: 'confirmed' });
  });

  it('ignores an untrusted click on Confirm (a page script)', () => {
    const { button } = openDialog({ ...base, checklist: [] });
    button('confirm').click();
    expect(document.querySelector(`[${DIALOG_ATTRIBUTE}="open"]`)).not.toBeNull();
    button('cancel').click();
  });

  it('cancels on Cancel, on Escape and on a click outside, and removes itself', async () => {
    const first = openDialog();
    first.button('cancel').click();
    await expect(first.answer).resolves.toMatchObject({ decision: 'cancelled' });
    expect(document.querySelector(`[${DIALOG_ATTRIBUTE}]`)).toBeNull();

    const second = openDialog();
    key(second.button('cancel'), 'Escape');
    await expect(second.answer).resolves.toMatchObject({ decision: 'cancelled' });

    const third = openDialog();
    third.$('.backdrop').click();
    await expect(third.answer).resolves.toMatchObject({ decision: 'cancelled' });
  });

  it('keeps Tab inside the dialog and skips a Confirm that is not enabled yet', () => {
    const { shadow, button, $ } = openDialog();
    const received = $('[data-check="received"]');
    const nobody = $('[data-check="nobody-asked"]');
    key(button('cancel'), 'Tab');
    expect(shadow.activeElement).toBe(received);
    key(received, 'Tab');
    expect(shadow.activeElement).toBe(nobody);
    key(nobody, 'Tab');
    expect(shadow.activeElement).toBe(button('cancel'));
    key(button('cancel'), 'Tab', true);
    expect(shadow.activeElement).toBe(nobody);
    button('cancel').click();
  });
});
