// Finding confirm-receipt controls. Pure DOM reads: no listeners, no storage, testable in happy-dom.

/** Labels that mean "confirm receipt" on the platforms guarded so far. Compared after removing all whitespace. */
export const CONFIRM_RECEIPT_LABELS: readonly string[] = ['确认收货'];

/** Elements a user can activate. */
export const CONTROL_SELECTOR = 'a, button, input[type="submit"], input[type="button"], [role="button"], [role="link"]';

export const GUARDED_ATTRIBUTE = 'data-receiptguard';
export const GUARDED_VALUE = 'guarded';

const whitespace = /[\s\u00a0\u200b\u3000]+/g;

/** Text as the user reads it on the control, without any whitespace (labels are short CJK phrases). */
export function controlText(element: Element): string {
  const raw = element instanceof HTMLInputElement ? element.value : (element.textContent ?? '');
  return raw.replace(whitespace, '');
}

export function isConfirmReceiptControl(element: Element): boolean {
  if (!element.matches(CONTROL_SELECTOR)) return false;
  const text = controlText(element);
  // Cheap length check first: most controls on an order page are other buttons and links.
  return text.length <= 8 && CONFIRM_RECEIPT_LABELS.includes(text);
}

/** Every confirm-receipt control in root and below (including root itself). */
export function findConfirmReceiptControls(root: ParentNode): Element[] {
  const found: Element[] = [];
  if (root instanceof Element && isConfirmReceiptControl(root)) found.push(root);
  for (const candidate of root.querySelectorAll(CONTROL_SELECTOR)) {
    if (isConfirmReceiptControl(candidate)) found.push(candidate);
  }
  return found;
}

/** The confirm-receipt control an event went through, if any (the click may land on an icon inside it). */
export function controlInPath(path: readonly EventTarget[]): Element | undefined {
  for (const target of path) {
    if (target instanceof Element && isConfirmReceiptControl(target)) return target;
  }
  return undefined;
}
