// "Optimizers": the optimizer lab. Three views share one state table that
// lives in the URL hash, so any picture can be shared as a link and reopens
// with the same trajectories (same seeds, same numbers: the core is
// deterministic). This file owns the state, the tabs, the link notice, the
// keyboard shortcuts and the debug hook; each view draws itself.

import './optimizers.css';
import { routeOf } from '../../router.ts';
import {
  describeProblem,
  hashFor,
  hashParams,
  parseParams,
  toParams,
  withValue,
  type StateProblem,
} from '../../state/url-state.ts';
import { h } from '../../ui/dom.ts';
import type { WidgetContext } from '../types.ts';
import { createNetworkTab } from './network-tab.ts';
import { createRaceTab } from './race-tab.ts';
import { createRegressionTab } from './regression-tab.ts';
import { LAB_STATE, ROUTE, TABS, type LabState, type Tab } from './state.ts';
import type { LabTab, TabContext, TabDebug } from './tab.ts';

const HASH_INTERVAL_MS = 200;

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

/** Keys that type or move inside the focused control are left to it. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, select, textarea')) return true;
  if (key === ' ' && target.closest('button, a, summary, [role="tab"]')) return true;
  if (key.startsWith('Arrow') && target.closest('[role="application"], [role="tablist"]')) return true;
  return false;
}

export function mount(container: HTMLElement, ctx: WidgetContext): () => void {
  const parsed = parseParams(LAB_STATE, hashParams(location.hash));
  let state: LabState = parsed.values;
  let notice: string[] = [];
  let writtenHash = '';

  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const noticeList = h('ul', {});
  const noticeClose = h('button', { type: 'button', class: 'alert-close', 'aria-label': 'Dismiss' }, '×');
  const noticeBox = h('div', { class: 'lab-notice', role: 'status', hidden: true }, noticeList, noticeClose);
  noticeClose.addEventListener('click', () => showNotice([]));

  const tabContext: TabContext = {
    worker: ctx.worker,
    update,
    announce: (text) => {
      announcer.textContent = text;
    },
  };
  const views: Record<Tab, LabTab> = {
    gd: createRegressionTab(tabContext, state),
    race: createRaceTab(tabContext, state),
    net: createNetworkTab(tabContext, state),
  };

  const tabButtons = new Map<Tab, HTMLButtonElement>();
  const tablist = h('div', { class: 'lab-tabs', role: 'tablist', 'aria-label': 'Optimizer lab views' });
  for (const t of TABS) {
    const b = h(
      'button',
      { type: 'button', role: 'tab', id: `lab-tab-${t}`, 'aria-controls': `lab-panel-${t}`, 'data-tab': t },
      TAB_LABELS[t],
    );
    b.addEventListener('click', () => update({ tab: t }));
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
    update({ tab: next });
    tabButtons.get(next)?.focus();
  });

  const root = h(
    'article',
    { class: 'opt-lab' },
    h(
      'header',
      { class: 'widget-head' },
      h('h1', {}, 'Optimizers'),
      h(
        'p',
        { class: 'lede' },
        'Gradient descent and its family, computed step by step by the WASM core. The link holds every setting and reproduces the picture exactly.',
      ),
    ),
    noticeBox,
    h('div', { class: 'lab-tabbar' }, tablist, h('p', { class: 'keys' }, 'Keys: space play / pause · → step · r reset')),
    ...TABS.map((t) => views[t].element),
    announcer,
  );
  container.append(root);

  function showNotice(lines: string[]): void {
    notice = lines;
    noticeList.replaceChildren(...lines.map((l) => h('li', {}, l)));
    noticeBox.hidden = lines.length === 0;
  }

  function problemsNotice(problems: readonly StateProblem[]): void {
    showNotice(problems.map(describeProblem));
  }

  // Browsers ignore history updates that come too fast (a drag moves the start
  // 60 times a second): write at most every HASH_INTERVAL_MS, and the last one always.
  let lastHashWrite = -Infinity;
  let hashTimer = 0;
  function writeHash(): void {
    window.clearTimeout(hashTimer);
    hashTimer = 0;
    const wait = lastHashWrite + HASH_INTERVAL_MS - performance.now();
    if (wait > 0) {
      hashTimer = window.setTimeout(writeHash, wait);
      return;
    }
    lastHashWrite = performance.now();
    writtenHash = hashFor(ROUTE, toParams(LAB_STATE, state));
    if (location.hash !== writtenHash) history.replaceState(history.state, '', `${location.pathname}${location.search}${writtenHash}`);
  }

  function showTab(): void {
    for (const t of TABS) {
      const active = t === state.tab;
      const b = tabButtons.get(t);
      b?.setAttribute('aria-selected', String(active));
      if (b) b.tabIndex = active ? 0 : -1;
      views[t].setActive(active);
    }
  }

  function update(changes: Partial<LabState>): void {
    let next = state;
    for (const key of Object.keys(changes) as (keyof LabState & string)[]) {
      const v = changes[key];
      if (v !== undefined) next = withValue(LAB_STATE, next, key, v);
    }
    const tabChanged = next.tab !== state.tab;
    state = next;
    writeHash();
    for (const t of TABS) views[t].apply(state);
    if (tabChanged) showTab();
  }

  // A pasted or edited link while the lab is open.
  const onHashChange = (): void => {
    if (routeOf(location.hash) !== ROUTE || location.hash === writtenHash) return;
    const p = parseParams(LAB_STATE, hashParams(location.hash));
    state = p.values;
    problemsNotice(p.problems);
    writeHash();
    for (const t of TABS) views[t].apply(state);
    showTab();
  };
  window.addEventListener('hashchange', onHashChange);

  const onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !root.isConnected) return;
    if (ownsKey(e.target, e.key)) return;
    const view = views[state.tab];
    if (e.key === ' ') view.toggle();
    else if (e.key === 'ArrowRight') view.step();
    else if (e.key === 'r' || e.key === 'R') view.reset();
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);

  const offConnection = ctx.worker.onConnection((e) => {
    if (e.kind === 'ready' && e.restarted) for (const t of TABS) views[t].reload();
  });

  window.__mlpLab = {
    snapshot: () => ({ tab: state.tab, hash: location.hash, notice, view: views[state.tab].debug() }),
  };

  problemsNotice(parsed.problems);
  writeHash();
  for (const t of TABS) views[t].apply(state);
  showTab();

  return () => {
    window.clearTimeout(hashTimer);
    window.removeEventListener('hashchange', onHashChange);
    document.removeEventListener('keydown', onKey);
    offConnection();
    delete window.__mlpLab;
    for (const t of TABS) views[t].destroy();
    root.remove();
  };
}
