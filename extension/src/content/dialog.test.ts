// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { askDecision, DIALOG_ATTRIBUTE, type DialogText } from './dialog';

const text: DialogText = { title: 'T', lead: 'L', page: 'P', evidence: 'E', confirm: 'Confirm receipt', cancel: 'Cancel' };

function openDialog() {
  // Reach into the closed shadow root the way only the extension can: by keeping the reference attachShadow returns.
  const original = Element.prototype.attachShadow;
  let shadow: ShadowRoot | undefined;
  Element.prototype.attachShadow = function (init) {
    shadow = original.call(this, init);
    return shadow;
  };
  const decision = askDecision(document, text);
  Element.prototype.attachShadow = original;
  const button = (action: string) => shadow!.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  return { decision, shadow: shadow!, button };
}

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('askDecision', () => {
  afterEach(() => {
    document.documentElement.querySelectorAll('receiptguard-dialog').forEach((el) => el.remove());
  });

  it('opens with the host marked open and focus on Cancel', () => {
    const { shadow, button } = openDialog();
    expect(document.querySelector(`[${DIALOG_ATTRIBUTE}="open"]`)).not.toBeNull();
    expect(shadow.activeElement).toBe(button('cancel'));
    button('cancel').click();
  });

  it('resolves cancelled on Cancel and removes itself', async () => {
    const { decision, button } = openDialog();
    button('cancel').click();
    await expect(decision).resolves.toBe('cancelled');
    expect(document.querySelector(`[${DIALOG_ATTRIBUTE}]`)).toBeNull();
  });

  it('ignores an untrusted click on Confirm (a page script) and accepts a trusted one', async () => {
    const { decision, button } = openDialog();
    button('confirm').click();
    expect(document.querySelector(`[${DIALOG_ATTRIBUTE}="open"]`)).not.toBeNull();
    button('confirm').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await expect(decision).resolves.toBe('confirmed');
  });

  it('cancels on Escape', async () => {
    const { decision, button } = openDialog();
    button('cancel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await expect(decision).resolves.toBe('cancelled');
  });

  it('keeps Tab inside the dialog', () => {
    const { shadow, button } = openDialog();
    button('cancel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true }));
    expect(shadow.activeElement).toBe(button('confirm'));
    button('confirm').dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, composed: true }));
    expect(shadow.activeElement).toBe(button('cancel'));
    button('cancel').click();
  });
});
