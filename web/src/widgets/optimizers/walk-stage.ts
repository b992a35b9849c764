// What the race and the regression views share: walks animated by a player
// on a contour map whose start point can be dragged, an error line, charts
// redrawn at most every CHART_INTERVAL_MS while playing (uPlot redraws cost
// more than a map frame), and the debug snapshot the browser tests read.

import { createContourMap, type ContourMap, type ContourMapOptions } from '../../plots/contour-map.ts';
import { h } from '../../ui/dom.ts';
import { createPlayerBar, type PlayerBar } from './player-bar.ts';
import { createPlayer, type Player } from './player.ts';
import type { Speed } from './presets.ts';
import type { Tab } from './state.ts';
import type { PathDebug, TabDebug } from './tab.ts';

/** Seconds a whole run takes to play at each speed. */
export const RUN_SECONDS: Readonly<Record<Speed, number>> = { slow: 20, normal: 8, fast: 3 };
const CHART_INTERVAL_MS = 50;

export interface WalkStageOptions {
  map: Omit<ContourMapOptions, 'onStart'>;
  /** The player bar's speed, and the accessible name of its scrubber ("… position"). */
  speed: Speed;
  onSpeed(speed: Speed): void;
  barLabel: string;
  /** Decimal places a dragged start is rounded to: what a person can read and type, and what the link holds. */
  startDigits: number;
  /** The start was dragged to (x, y), already rounded; `final` when the pointer is released. */
  onStart(x: number, y: number, final: boolean): void;
  /** Draws the walks at the player's time; charts too when `forceCharts` or chartsDue() says so. */
  render(forceCharts: boolean): void;
}

export interface WalkStage {
  readonly player: Player;
  readonly bar: PlayerBar;
  readonly map: ContourMap;
  readonly mapHost: HTMLElement;
  readonly errorBox: HTMLElement;
  showError(message: string): void;
  /** An answer that a newer request has overtaken is still drawn while the start is being dragged. */
  keepStale(): boolean;
  /** New walks arrived (`end` in player time): a running animation starts over with them, otherwise they show whole. */
  loadWalks(end: number): void;
  /** Whether render() should redraw its charts now. */
  chartsDue(force: boolean): boolean;
  debug(tab: Tab, ready: boolean, paths: PathDebug[]): TabDebug;
  destroy(): void;
}

export function createWalkStage(o: WalkStageOptions): WalkStage {
  let dragging = false;
  let error = '';
  let lastChartAt = 0;
  const player = createPlayer(() => o.render(false));
  const bar = createPlayerBar(player, { speed: o.speed, onSpeed: o.onSpeed, label: o.barLabel });
  const mapHost = h('div', { class: 'map-host' });
  const errorBox = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const map = createContourMap(mapHost, {
    ...o.map,
    onStart(x, y, final) {
      const x2 = Number(x.toFixed(o.startDigits));
      const y2 = Number(y.toFixed(o.startDigits));
      dragging = !final;
      map.setStart([x2, y2]);
      o.onStart(x2, y2, final);
    },
  });
  bar.setEnabled(false);

  return {
    player,
    bar,
    map,
    mapHost,
    errorBox,
    showError(message) {
      error = message;
      errorBox.hidden = message === '';
      errorBox.textContent = message;
    },
    keepStale: () => dragging,
    loadWalks(end) {
      const restart = player.state.playing && !dragging;
      player.load(end, restart ? 0 : end);
      if (restart) player.play();
      bar.setEnabled(true);
    },
    chartsDue(force) {
      const now = performance.now();
      if (!force && player.state.playing && now - lastChartAt < CHART_INTERVAL_MS) return false;
      lastChartAt = now;
      return true;
    },
    debug(tab, ready, paths) {
      const { t, end, playing } = player.state;
      return { tab, ready, t, end, playing, paths, diverged: paths.filter((p) => p.diverged && p.shown >= p.length).map((p) => p.key), error };
    },
    destroy() {
      player.destroy();
      map.destroy();
    },
  };
}
