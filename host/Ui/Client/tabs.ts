// A keyboard-usable tab list (WAI-ARIA tabs pattern): arrows, Home and End move between tabs and select them; only the
// selected tab is in the tab order, and only its panel is shown.

/** The tab to move to from index `current` of `count` for a key, or null when the key is not a tab key. */
export function nextTabIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Wires every [role=tab] in `list`; `onSelect` hears the selected tab's id (also for the first, selected, one). */
export function wireTabs(list: HTMLElement, onSelect: (tabId: string) => void): (tabId: string) => void {
  const tabs = [...list.querySelectorAll<HTMLElement>('[role=tab]')];
  const select = (tab: HTMLElement, focus: boolean): void => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onSelect(tab.id);
  };
  for (const [index, tab] of tabs.entries()) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const next = nextTabIndex(event.key, index, tabs.length);
      if (next === null) return;
      event.preventDefault();
      select(tabs[next]!, true);
    });
  }
  const initial = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true') ?? tabs[0];
  if (initial) select(initial, false);
  return (tabId) => {
    const tab = tabs.find((candidate) => candidate.id === tabId);
    if (tab) select(tab, false);
  };
}
