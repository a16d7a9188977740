// What the user has typed, ticked and chosen lives in properties, not attributes: markup alone would show the form as
// it was first loaded. These give the attributes that record the live state.

/** Input types whose `value` property is what the user typed (the HTML standard's value mode "value"). */
const TYPED_VALUE = new Set([
  'text', 'search', 'tel', 'url', 'email', 'date', 'month', 'week', 'time', 'datetime-local', 'number', 'range', 'color',
]);

/** Attribute name → value to write, or null to leave the attribute out. */
export type AttributeOverrides = Record<string, string | null>;

/**
 * Overrides that record a form control's live state, or null when the element has none. Passwords are not recorded:
 * evidence must not carry one.
 */
export function formStateOverrides(element: Element): AttributeOverrides | null {
  switch (element.localName) {
    case 'input': {
      const input = element as HTMLInputElement;
      if (input.type === 'checkbox' || input.type === 'radio') return { checked: input.checked ? '' : null };
      if (TYPED_VALUE.has(input.type)) return { value: input.value };
      return null;
    }
    case 'option':
      return { selected: (element as HTMLOptionElement).selected ? '' : null };
    default:
      return null;
  }
}

/**
 * A textarea's live value, as the text to write inside it. The parser drops one newline right after `<textarea>`, so
 * a value that starts with one gets another.
 */
export function textareaText(textarea: HTMLTextAreaElement): string {
  const value = textarea.value;
  return value.startsWith('\n') ? `\n${value}` : value;
}
