// "Optimizer race": GD, Momentum, NAG, Adagrad, RMSProp and Adam walk a 2-D
// surface from the same (draggable) start, on a filled contour of the surface,
// animated step by step. The legend follows the animation with each
// optimizer's step, loss and the core's distance to the nearest minimum.
// All numbers come from the core (SurfaceWalk) through the worker.

import type { OptimizerName, OptimizerSettings, SurfaceSpec } from '../../../generated/mlp-simd.mjs';
import type { RacePath, SurfaceField } from '../../protocol-lab.ts';
import type { MapPath } from '../../plots/contour-map.ts';
import { createSeriesChart } from '../../plots/series-chart.ts';
import { h } from '../../ui/dom.ts';
import {
  OPTIMIZERS,
  OPTIMIZER_COLORS,
  OPTIMIZER_LABELS,
  OPTIMIZER_MARKERS,
  SURFACE_NOTES,
  SURFACE_PRESETS,
} from './presets.ts';
import { createRaceLegend } from './race-legend.ts';
import { createRaceControls } from './race-controls.ts';
import type { LabState } from './state.ts';
import { card, errorText, labGrid, stageCard, latestOnly, lazyPlayerTab, pngButton, type LabTab, type TabContext, type TabDebug } from './tab.ts';
import { RUN_SECONDS, createWalkStage } from './walk-stage.ts';

const GRID = 201;

interface Race {
  key: string;
  paths: Map<OptimizerName, RacePath>;
  stepX: Map<OptimizerName, Float64Array>;
  steps: number;
}

const surfaceOf = (s: LabState): SurfaceSpec => ({ name: s.surface, condition: s.kappa });
const fieldKey = (s: LabState): string => `${s.surface}|${s.kappa}`;

export function settingsOf(o: OptimizerName, s: LabState): OptimizerSettings {
  const base = { optimizer: o, learningRate: s[`lr.${o}`] };
  switch (o) {
    case 'momentum':
      return { ...base, momentum: s['mom.momentum'] };
    case 'nesterov':
      return { ...base, momentum: s['mom.nesterov'] };
    case 'rmsprop':
      return { ...base, rho: s['rho.rmsprop'] };
    case 'adam':
      return { ...base, beta1: s['b1.adam'], beta2: s['b2.adam'] };
    case 'sgd':
    case 'adagrad':
      return base;
  }
}

const raceKey = (s: LabState): string =>
  JSON.stringify([fieldKey(s), s.x, s.y, s.noise, s.seed, s.steps, OPTIMIZERS.map((o) => settingsOf(o, s))]);

/** Ten times the starting loss: above that only diverging walks go. */
function capAbove(r: Race): number {
  const first = [...r.paths.values()][0]?.loss[0] ?? NaN;
  return Number.isFinite(first) && first > 0 ? 10 * first : Infinity;
}

/** Index of the point shown at time t (point k is after k steps). */
const indexAt = (p: RacePath, t: number): number => Math.min(p.x.length - 1, Math.floor(t + 1e-9));

export function createRaceTab(ctx: TabContext, initial: LabState): LabTab {
  let state = initial;
  let field: SurfaceField | null = null;
  let race: Race | null = null;

  // ---- controls
  const { element: controls, kappaBox, surfaceNote, sync } = createRaceControls(ctx, state);

  // ---- legend with each optimizer's switch, hyper-parameters and numbers
  const legend = createRaceLegend(state, (changes) => ctx.update(changes));

  // ---- the map and player
  const stage = createWalkStage({
    map: {
      label: 'Filled contour plot of the loss surface with each optimizer’s path from the start point',
      xLabel: 'x',
      yLabel: 'y',
      colorbarLabel: 'loss',
      maxHeight: 470,
      reserveHeight: 250,
    },
    speed: state.speed,
    onSpeed: (s) => ctx.update({ speed: s }),
    barLabel: 'Race',
    startDigits: 3,
    onStart(x, y, final) {
      ctx.update({ x, y });
      if (final) ctx.announce(`Start moved to x = ${x}, y = ${y}.`);
    },
    render: (force) => render(force),
  });
  const { player, bar, map, showError } = stage;
  const mapCard = stageCard(
    'Loss surface',
    'lab-map',
    [bar.element, pngButton('the race contour plot', 'optimizer-race', () => (map.flush(), map.canvas))],
    stage.mapHost,
    h('p', { class: 'card-note' }, 'Six optimizers race from one start, each with its own hyper-parameters (defaults suit each surface). Gradient noise imitates SGD. ★ marks the minima.'),
    stage.errorBox,
  );

  const chartHost = h('div', { class: 'chart-host' });
  const chart = createSeriesChart(chartHost, {
    label: 'Loss against steps',
    xLabel: 'step',
    yLabel: 'loss',
    curves: OPTIMIZERS.map((o) => ({ label: OPTIMIZER_LABELS[o], color: OPTIMIZER_COLORS[o] })),
    logY: true,
    height: 168,
  });
  const legendCard = card('Optimizers', 'lab-legend-card', [], legend.element);
  const chartCard = card('Loss against steps', 'lab-chart', [pngButton('loss against steps', 'race-loss', () => chart.snapshot())], chartHost);
  const side = h('div', { class: 'lab-charts' }, legendCard, chartCard);

  const element = h(
    'div',
    { class: 'lab-panel lab-race' },
    labGrid(ctx, controls, mapCard, side, [legendCard, { label: 'Loss', content: [h('div', { class: 'lab-charts' }, chartCard)] }]),
  );

  // ---- requests
  const requestField = latestOnly(
    (s: LabState) => ctx.worker.request({ type: 'lab-surface', surface: surfaceOf(s), nx: GRID, ny: GRID }),
    (r, s, stale) => {
      if (stale || fieldKey(s) !== fieldKey(state)) return;
      field = r;
      map.setField({ values: r.values, nx: r.nx, ny: r.ny, view: r.view, decades: SURFACE_PRESETS[s.surface].decades });
      map.setPoints(r.minima.map(([x, y]) => ({ x, y, shape: 'star' as const, color: '#ffffff' })));
      chart.setLogY(state.surface !== 'saddle');
      showError('');
      render(true);
    },
    (e) => showError(errorText(e)),
  );

  const requestRace = latestOnly(
    (s: LabState) =>
      ctx.worker.request({
        type: 'lab-race',
        surface: surfaceOf(s),
        start: [s.x, s.y],
        noise: s.noise,
        seed: s.seed,
        steps: s.steps,
        entries: OPTIMIZERS.map((o) => ({ key: o, settings: settingsOf(o, s) })),
      }),
    (r, s, stale) => {
      if (stale && !stage.keepStale()) return;
      const paths = new Map<OptimizerName, RacePath>();
      const stepX = new Map<OptimizerName, Float64Array>();
      for (const p of r.paths) {
        const o = OPTIMIZERS.find((k) => k === p.key);
        if (!o) continue;
        paths.set(o, p);
        stepX.set(o, Float64Array.from(p.x, (_, i) => i));
      }
      race = { key: raceKey(s), paths, stepX, steps: s.steps };
      showError('');
      stage.loadWalks(s.steps);
      render(true);
    },
    (e) => showError(errorText(e)),
  );

  const enabled = (o: OptimizerName): boolean => state[`on.${o}`];

  function render(forceChart = false): void {
    const t = player.state.t;
    bar.update(player.state, race ? `step ${Math.floor(t + 1e-9)} / ${race.steps}` : '');
    const r = race;
    if (!r) {
      map.setPaths([]);
      return;
    }
    const mapPaths: MapPath[] = [];
    for (const o of OPTIMIZERS) {
      const p = r.paths.get(o);
      if (!p || !enabled(o)) continue;
      mapPaths.push({
        key: o,
        color: OPTIMIZER_COLORS[o],
        marker: OPTIMIZER_MARKERS[o],
        x: p.x,
        y: p.y,
        shown: indexAt(p, t) + 1,
        diverged: p.diverged,
      });
    }
    map.setPaths(mapPaths);
    map.setStart([state.x, state.y]);
    legend.show(
      OPTIMIZERS.map((o) => {
        const p = r.paths.get(o);
        if (!p) return { key: o, step: 0, loss: NaN, distance: NaN, diverged: false };
        const i = indexAt(p, t);
        return {
          key: o,
          step: i,
          loss: p.loss[i] ?? NaN,
          distance: p.distance.length > 0 ? (p.distance[i] ?? NaN) : NaN,
          diverged: p.diverged && i >= p.x.length - 1,
        };
      }),
    );
    if (!stage.chartsDue(forceChart)) return;
    chart.setData(
      OPTIMIZERS.map((o) => {
        const p = r.paths.get(o);
        const x = r.stepX.get(o);
        if (!p || !x || !enabled(o)) return { x: [], y: [] };
        return { x, y: p.loss, n: indexAt(p, t) + 1 };
      }),
      [0, r.steps],
      capAbove(r),
    );
  }

  function apply(next: LabState): void {
    const prev = state;
    state = next;
    sync(next);
    legend.sync(next);
    kappaBox.hidden = next.surface !== 'bowl';
    surfaceNote.textContent = SURFACE_NOTES[next.surface];
    bar.setSpeed(next.speed);
    player.setRate(next.steps / RUN_SECONDS[next.speed]);
    player.setStepSize(1);
    if (!field || fieldKey(prev) !== fieldKey(next)) requestField(next);
    if (!race || race.key !== raceKey(next)) requestRace(next);
    else render(true);
  }

  return {
    ...lazyPlayerTab({
      element,
      player,
      latest: () => state,
      remember: (next) => (state = next),
      apply,
      forget: () => {
        field = null;
        race = null;
      },
    }),
    debug(): TabDebug {
      const t = player.state.t;
      const r = race;
      const paths = r
        ? OPTIMIZERS.filter(enabled).flatMap((o) => {
            const p = r.paths.get(o);
            if (!p) return [];
            return [{ key: o, shown: indexAt(p, t) + 1, length: p.x.length, diverged: p.diverged, x: Array.from(p.x), y: Array.from(p.y) }];
          })
        : [];
      return stage.debug('race', r !== null && field !== null, paths);
    },
    destroy() {
      stage.destroy();
      chart.destroy();
      element.remove();
    },
  };
}
