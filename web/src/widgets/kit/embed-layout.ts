// The embed view's layout: the widget's main figure gets the frame, and its
// secondary panels share a column beside it as tabs (ARIA tabs: arrow keys
// move between them). A widget opts in by declaring its parts (WidgetParts);
// in the site nothing moves. Which panel is open is a matter of the frame,
// not a setting, so it stays out of the link.

import { h, uid } from '../../ui/dom.ts';

/** A panel: one element named by its aria-label (or first heading), or several under one tab label. */
export type Panel = HTMLElement | { readonly label: string; readonly content: readonly HTMLElement[] };

export interface WidgetParts {
  /** The figure (one element, or several stacked): it gets the space. */
  readonly main: HTMLElement | readonly HTMLElement[];
  /** Secondary parts, in tab order. */
  readonly panels: readonly Panel[];
}

function labelOf(panel: HTMLElement): string {
  return panel.getAttribute('aria-label') ?? panel.querySelector('h2, h3')?.textContent ?? 'Panel';
}

/** Moves the parts into the embed layout inside `body`; the widget's own wrapper is left empty and removed. */
export function layOutParts(body: HTMLElement, parts: WidgetParts): void {
  const figure = parts.main instanceof HTMLElement ? [parts.main] : parts.main;
  const stage = h('div', { class: 'embed-stage' }, h('div', { class: 'embed-main' }, ...figure));
  if (parts.panels.length > 0) {
    const panels = parts.panels.map((p) => (p instanceof HTMLElement ? p : h('section', { class: 'embed-group', 'aria-label': p.label }, ...p.content)));
    stage.append(panelTabs(panels));
  }
  body.replaceChildren(stage);
}

function panelTabs(panels: readonly HTMLElement[]): HTMLElement {
  const tablist = h('div', { class: 'embed-tabs', role: 'tablist', 'aria-label': 'Panels' });
  const side = h('div', { class: 'embed-side' }, tablist);
  const tabs = panels.map((panel) => {
    const id = uid('embed-panel');
    const tab = h('button', { type: 'button', role: 'tab', id: `${id}-tab`, 'aria-controls': id }, labelOf(panel));
    const holder = h('div', { class: 'embed-panel', role: 'tabpanel', id, 'aria-labelledby': `${id}-tab` }, panel);
    tablist.append(tab);
    side.append(holder);
    return { tab, holder };
  });
  // A panel the widget hides (e.g. a setting turned it off) takes its tab with
  // it. The attribute, not .hidden: a form with a field named "hidden" answers
  // .hidden with that field.
  const shown = (i: number): boolean => panels[i]?.hasAttribute('hidden') === false;
  let current = 0;
  const select = (index: number, focus: boolean): void => {
    current = shown(index) ? index : Math.max(0, tabs.findIndex((_, i) => shown(i)));
    tabs.forEach(({ tab, holder }, i) => {
      tab.hidden = !shown(i);
      const on = i === current;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      holder.hidden = !on;
      if (on && focus) tab.focus();
    });
  };
  tabs.forEach(({ tab }, i) => tab.addEventListener('click', () => select(i, false)));
  tablist.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    let next = current;
    do next = (next + step + tabs.length) % tabs.length;
    while (!shown(next) && next !== current);
    select(next, true);
  });
  const refresh = (): void => {
    select(current, false);
    tablist.hidden = panels.filter((_, i) => shown(i)).length < 2; // one panel needs no tab
  };
  const watch = new MutationObserver(refresh);
  for (const p of panels) watch.observe(p, { attributes: true, attributeFilter: ['hidden'] });
  refresh();
  return side;
}
