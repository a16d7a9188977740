// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formStateOverrides, textareaText } from './form-state';

describe('formStateOverrides', () => {
  it('records a typed value', () => {
    document.body.innerHTML = '<input id="q" value="old">';
    const input = document.getElementById('q') as HTMLInputElement;
    input.value = 'typed';
    expect(formStateOverrides(input)).toEqual({ value: 'typed' });
  });

  it('records checked and unchecked boxes', () => {
    document.body.innerHTML = '<input type="checkbox" id="a" checked><input type="radio" id="b">';
    (document.getElementById('a') as HTMLInputElement).checked = false;
    (document.getElementById('b') as HTMLInputElement).checked = true;
    expect(formStateOverrides(document.getElementById('a')!)).toEqual({ checked: null });
    expect(formStateOverrides(document.getElementById('b')!)).toEqual({ checked: '' });
  });

  it('records the selected option', () => {
    document.body.innerHTML = '<select><option selected>a</option><option>b</option></select>';
    const select = document.querySelector('select')!;
    select.selectedIndex = 1;
    expect([...select.options].map(formStateOverrides)).toEqual([{ selected: null }, { selected: '' }]);
  });

  it('leaves passwords, buttons and other elements alone', () => {
    document.body.innerHTML = '<input type="password" value="x"><input type="submit" value="Go"><div></div>';
    const [password, submit] = [...document.querySelectorAll('input')];
    password!.value = 'secret';
    expect(formStateOverrides(password!)).toBeNull();
    expect(formStateOverrides(submit!)).toBeNull();
    expect(formStateOverrides(document.querySelector('div')!)).toBeNull();
  });
});

describe('textareaText', () => {
  it('is the live value, keeping a leading newline', () => {
    document.body.innerHTML = '<textarea>old</textarea>';
    const textarea = document.querySelector('textarea')!;
    textarea.value = 'new <b>';
    expect(textareaText(textarea)).toBe('new <b>');
    textarea.value = '\nsecond line';
    expect(textareaText(textarea)).toBe('\n\nsecond line');
  });
});
