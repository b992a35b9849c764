// "Optimizers": the optimizer lab. Three views share one settings table that
// lives in the link, so any picture can be shared and reopens with the same
// trajectories (same seeds, same numbers: the core is deterministic). This
// file owns the tabs, the keyboard shortcuts and the debug hook; the kit the
// link, and each view draws itself.

import './optimizers.css';
import './embed.css';
import { h } from '../../ui/dom.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { createNetworkTab } from './network-tab.ts';
import { createRaceTab } from './race-tab.ts';
import { createRegressionTab } from './regression-tab.ts';
import { LAB_STATE, TABS, type LabState, type Tab } from './state.ts';
import type { LabTab, TabContext, TabDebug } from './tab.ts';

const TAB_LABELS: Readonly<Record<Tab, string>> = {
  gd: 'GD vs SGD vs mini-batch',
  race: 'Optimizer race',
  net: 'Real network',
};

/** What the browser tests read (page.evaluate(() => window.__mlpLab.snapshot())). */
export interface LabSnapshot {
  tab: Tab;
  hash: string;
  notice: string[];
  view: TabDebug | null;
}

declare global {
  interface Window {
    __mlpLab?: { snapshot(): LabSnapshot };
  }
}

export const { mount } = defineWidget({
  route: 'optimizers',
  title: 'Optimizers',
  lede: ['Gradient descent and its family, computed step by step by the WASM core. The link holds every setting and reproduces the picture exactly.'],
  className: 'opt-lab',
  settings: LAB_STATE,
  setup,
});

function setup(kit: Kit<typeof LAB_STATE>) {
  let state: LabState = kit.settings();

  const tabContext: TabContext = {
    worker: kit.ctx.worker,
    update: (changes) => show(kit.update(changes)),
    announce: kit.announce,
    embedded: kit.ctx.embed !== null,
  };
  const views: Record<Tab, LabTab> = {
    gd: createRegressionTab(tabContext, state),
    race: createRaceTab(tabContext, state),
    net: createNetworkTab(tabContext, state),
  };

  const tabButtons = new Map<Tab, HTMLButtonElement>();
  const tablist = h('div', { class: 'lab-tabs', role: 'tablist', 'aria-label': 'Optimizer lab views' });
  for (const t of TABS) {
    const b = h('button', { type: 'button', role: 'tab', id: `lab-tab-${t}`, 'aria-controls': `lab-panel-${t}`, 'data-tab': t }, TAB_LABELS[t]);
    b.addEventListener('click', () => tabContext.update({ tab: t }));
    tabButtons.set(t, b);
    tablist.append(b);
    views[t].element.id = `lab-panel-${t}`;
    views[t].element.setAttribute('role', 'tabpanel');
    views[t].element.setAttribute('aria-labelledby', `lab-tab-${t}`);
    views[t].element.hidden = true;
  }
  // Arrow keys move between tabs (the ARIA tabs pattern).
  tablist.addEventListener('keydown', (e) => {
    const i = TABS.indexOf(state.tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
    if (!next) return;
    e.preventDefault();
    tabContext.update({ tab: next });
    tabButtons.get(next)?.focus();
  });

  kit.body.append(
    h('div', { class: 'lab-tabbar' }, tablist, h('p', { class: 'keys' }, 'Keys: space play / pause · → step · r reset')),
    ...TABS.map((t) => views[t].element),
  );

  function showTab(): void {
    for (const t of TABS) {
      const active = t === state.tab;
      const b = tabButtons.get(t);
      b?.setAttribute('aria-selected', String(active));
      if (b) b.tabIndex = active ? 0 : -1;
      views[t].setActive(active);
    }
  }

  function show(next: LabState): void {
    const tabChanged = next.tab !== state.tab;
    state = next;
    for (const t of TABS) views[t].apply(state);
    if (tabChanged) showTab();
  }

  window.__mlpLab = {
    snapshot: () => ({
      tab: state.tab,
      hash: location.hash,
      notice: [...kit.root.querySelectorAll('.widget-notice:not([hidden]) li')].map((li) => li.textContent ?? ''),
      view: views[state.tab].debug(),
    }),
  };

  for (const t of TABS) views[t].apply(state);
  showTab();

  return {
    apply(values: LabState) {
      state = values;
      for (const t of TABS) views[t].apply(state);
      showTab();
    },
    keys: {
      ' ': () => views[state.tab].toggle(),
      ArrowRight: () => views[state.tab].step(),
      r: () => views[state.tab].reset(),
    },
    player: {
      play: () => {
        if (!views[state.tab].debug().playing) views[state.tab].toggle();
      },
      pause: () => {
        if (views[state.tab].debug().playing) views[state.tab].toggle();
      },
      step: () => views[state.tab].step(),
      reset: () => views[state.tab].reset(),
      running: () => views[state.tab].debug().playing,
    },
    reload() {
      for (const t of TABS) views[t].reload();
    },
    destroy() {
      delete window.__mlpLab;
      for (const t of TABS) views[t].destroy();
    },
  };
}
