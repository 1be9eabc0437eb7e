// Below 900 pixels the room's three columns do not fit: the text, the agenda (with people and the chair's controls)
// and the recommendations (with the writing round and the evaluation) become tabs, the text first, so a member on a
// phone starts typing right under the title. Wider, the tabs are gone and all three columns show.

import { element } from './dom';
import type { Texts } from './texts';

/** The media query of the narrow room; the same width as in responsive.css. */
export const NARROW_ROOM = '(max-width: 899px)';

interface Tab {
  readonly panel: HTMLElement;
  readonly button: HTMLButtonElement;
}

export function wireRoomTabs(root: HTMLElement, texts: Texts): void {
  const layout = root.querySelector<HTMLElement>('.proeftuin-room__layout');
  const main = layout?.querySelector<HTMLElement>('.proeftuin-room__main');
  const sides = layout ? [...layout.querySelectorAll<HTMLElement>(':scope > .proeftuin-room__side')] : [];
  if (!layout || !main || sides.length !== 2) return;
  const panels: [HTMLElement, string][] = [[main, texts.TabText ?? ''], [sides[0]!, texts.TabAgenda ?? ''], [sides[1]!, texts.TabRecommendations ?? '']];
  const list = element('div', { role: 'tablist', class: 'proeftuin-room-tabs', 'aria-label': texts.TabsLabel ?? '' });
  const tabs: Tab[] = panels.map(([panel, label], index) => {
    panel.id ||= `room-panel-${index}`;
    const button = element('button', { type: 'button', id: `room-tab-${index}`, class: 'proeftuin-room-tabs__tab', 'aria-controls': panel.id }, label) as HTMLButtonElement;
    list.append(button);
    return { panel, button };
  });
  layout.before(list);

  const select = (chosen: Tab, focus: boolean): void => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.button.setAttribute('aria-selected', String(selected));
      tab.button.tabIndex = selected ? 0 : -1;
      tab.panel.classList.toggle('proeftuin-room__panel--active', selected);
    }
    if (focus) chosen.button.focus();
  };
  tabs.forEach((tab, index) => {
    tab.button.addEventListener('click', () => select(tab, false));
    // Arrow keys move between tabs, as the ARIA tabs pattern has it.
    tab.button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step !== 0) select(tabs[(index + step + tabs.length) % tabs.length]!, true);
    });
  });
  select(tabs[0]!, false);

  // The roles only while the tabs are in use; wide, the sections are plain sections again.
  const narrow = window.matchMedia(NARROW_ROOM);
  const apply = (): void => {
    for (const tab of tabs) {
      if (narrow.matches) {
        tab.button.setAttribute('role', 'tab');
        // Each panel keeps its own heading as its name.
        tab.panel.setAttribute('role', 'tabpanel');
      } else {
        tab.panel.removeAttribute('role');
      }
    }
    layout.classList.toggle('proeftuin-room__layout--tabs', narrow.matches);
  };
  apply();
  narrow.addEventListener('change', apply);
}
