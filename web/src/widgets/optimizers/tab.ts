// What the lab's index needs from each of its views, and small helpers they
// share: the latest-request-wins runner, cards with a "Save PNG" button, and
// the shape of the debug snapshot the browser tests read.

import { savePng } from '../../plots/save-png.ts';
import { h } from '../../ui/dom.ts';
import { layOutParts, type Panel } from '../kit/embed-layout.ts';
import type { WorkerClient } from '../../worker-client.ts';
import type { Player } from './player.ts';
import type { LabState, Tab } from './state.ts';

export interface TabContext {
  readonly worker: WorkerClient;
  /** Changes settings: the URL follows and the view gets `apply`. */
  update(changes: Partial<LabState>): void;
  /** A polite screen-reader announcement. */
  announce(text: string): void;
  /** In the embed view the map gets the frame and the rest becomes tabs (labGrid). */
  readonly embedded: boolean;
}

export interface PathDebug {
  key: string;
  /** Points drawn now, of `length`. */
  shown: number;
  length: number;
  diverged: boolean;
  x: number[];
  y: number[];
}

export interface TabDebug {
  tab: Tab;
  /** The view has its data (the worker answered). */
  ready: boolean;
  t: number;
  end: number;
  playing: boolean;
  paths: PathDebug[];
  /** Paths drawn with a "diverged" marker (their end is shown). */
  diverged: string[];
  error: string;
}

export interface LabTab {
  readonly element: HTMLElement;
  /** New settings, from a control, a pasted link or a new surface's defaults. */
  apply(state: LabState): void;
  setActive(active: boolean): void;
  /** The keyboard shortcuts: space, → and r. */
  toggle(): void;
  step(): void;
  reset(): void;
  /** The worker restarted: ask for everything again. */
  reload(): void;
  debug(): TabDebug;
  destroy(): void;
}

/** What an animated view tells lazyPlayerTab about itself. */
export interface PlayerTabParts {
  readonly element: HTMLElement;
  readonly player: Player;
  /** The view's current settings (kept by the view; apply() updates them). */
  latest(): LabState;
  /** Settings that arrive before the view was ever shown: just remember them. */
  remember(state: LabState): void;
  /** Shows these settings (asks the worker, redraws). */
  apply(state: LabState): void;
  /** Drops what came from the worker (it restarted). */
  forget(): void;
}

/**
 * The LabTab members the animated views share: nothing is asked of the worker
 * until the view is first shown, the keyboard shortcuts drive its player, and
 * a worker restart re-applies the latest settings.
 */
export function lazyPlayerTab(parts: PlayerTabParts): Pick<LabTab, 'element' | 'apply' | 'setActive' | 'toggle' | 'step' | 'reset' | 'reload'> {
  let started = false;
  const { element, player } = parts;
  return {
    element,
    apply(next) {
      if (started) parts.apply(next);
      else parts.remember(next);
    },
    setActive(active) {
      element.hidden = !active;
      if (active && !started) {
        started = true;
        parts.apply(parts.latest());
      }
      if (!active) player.pause();
    },
    toggle: () => player.toggle(),
    step: () => player.step(),
    reset: () => player.reset(),
    reload() {
      parts.forget();
      if (started) parts.apply(parts.latest());
    },
  };
}

/**
 * Runs one request at a time and keeps only the newest waiting one, so a
 * drag sends at most one request per answer. `done` gets each answer with the
 * arguments it was asked with, and whether a newer one is on its way.
 */
export function latestOnly<A, R>(
  run: (args: A) => Promise<R>,
  done: (result: R, args: A, stale: boolean) => void,
  fail: (error: Error, args: A) => void,
): (args: A) => void {
  let busy = false;
  let queued: { args: A } | null = null;
  const go = (args: A): void => {
    busy = true;
    run(args)
      .then(
        (r) => done(r, args, queued !== null),
        (e: unknown) => fail(e instanceof Error ? e : new Error(String(e)), args),
      )
      .finally(() => {
        busy = false;
        const next = queued;
        queued = null;
        if (next) go(next.args);
      });
  };
  return (args) => {
    if (busy) queued = { args };
    else go(args);
  };
}

export function pngButton(label: string, fileName: string, canvas: () => HTMLCanvasElement): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'png-button', title: `Save “${label}” as PNG` }, 'PNG');
  b.setAttribute('aria-label', `Save ${label} as PNG`);
  b.addEventListener('click', () => void savePng(canvas(), fileName));
  return b;
}

export function card(title: string, cls: string, actions: (HTMLElement | null)[], ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: `card ${cls}`, 'aria-label': title },
    h('div', { class: 'card-head' }, h('h2', {}, title), h('div', { class: 'card-actions' }, ...actions)),
    ...children,
  );
}

/**
 * The main plot's card: its head row holds the player and the PNG button; the
 * title is kept for screen readers (the plot's axes and colour bar say what it shows).
 */
export function stageCard(title: string, cls: string, head: HTMLElement[], ...children: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: `card ${cls}`, 'aria-label': title },
    h('h2', { class: 'visually-hidden' }, title),
    h('div', { class: 'stage-head' }, ...head),
    ...children,
  );
}

/**
 * A view's three columns: settings, the map, and its charts. In the embed
 * view the map gets the frame, and the settings and `sideTabs` (the side
 * column whole, or its cards apart) become tabs beside it.
 */
export function labGrid(ctx: TabContext, controls: HTMLElement, mapCard: HTMLElement, side: HTMLElement, sideTabs: readonly Panel[]): HTMLElement {
  const grid = h('div', { class: 'lab-grid' }, controls, mapCard, side);
  if (ctx.embedded) layOutParts(grid, { main: mapCard, panels: [{ label: 'Settings', content: [controls] }, ...sideTabs] });
  return grid;
}

export { messageOf as errorText } from '../../errors.ts';
