// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextTabIndex, wireTabs } from './tabs';

describe('nextTabIndex', () => {
  it('wraps with the arrows and jumps with Home and End', () => {
    expect(nextTabIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTabIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextTabIndex('Home', 2, 3)).toBe(0);
    expect(nextTabIndex('End', 0, 3)).toBe(2);
    expect(nextTabIndex('Enter', 1, 3)).toBeNull();
  });
});

describe('wireTabs', () => {
  function build(): HTMLElement {
    document.body.innerHTML = `
      <div role="tablist" id="list">
        <button role="tab" id="a" aria-controls="pa" aria-selected="true">A</button>
        <button role="tab" id="b" aria-controls="pb" aria-selected="false">B</button>
        <button role="tab" id="c" aria-controls="pc" aria-selected="false">C</button>
      </div>
      <div role="tabpanel" id="pa"></div><div role="tabpanel" id="pb"></div><div role="tabpanel" id="pc"></div>`;
    return document.getElementById('list')!;
  }
  const shown = (): string[] => [...document.querySelectorAll<HTMLElement>('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => p.id);

  it('shows only the selected panel and keeps only that tab in the tab order', () => {
    const selected: string[] = [];
    wireTabs(build(), (id) => selected.push(id));
    expect(selected).toEqual(['a']);
    expect(shown()).toEqual(['pa']);
    expect([...document.querySelectorAll<HTMLElement>('[role=tab]')].map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);

    document.getElementById('c')!.click();
    expect(shown()).toEqual(['pc']);
    expect(document.getElementById('c')!.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById('a')!.getAttribute('aria-selected')).toBe('false');
    expect(selected).toEqual(['a', 'c']);
  });

  it('moves selection and focus with the keyboard', () => {
    wireTabs(build(), () => undefined);
    const a = document.getElementById('a')!;
    a.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(document.activeElement?.id).toBe('c');
    expect(shown()).toEqual(['pc']);
    document.getElementById('c')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(document.activeElement?.id).toBe('a');
    expect(shown()).toEqual(['pa']);
  });
});
