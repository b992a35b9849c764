// "GD vs SGD vs mini-batch": linear regression y ≈ θ₀ + θ₁x under MSE on the
// chapter's data (y = 4 + 3x + noise), walked from one start by batch GD
// (b = m), SGD (b = 1) and mini-batch GD (b), on a filled, log-levelled
// contour of the MSE with the normal-equation optimum marked. The animation
// clock counts epochs, so per epoch SGD takes m noisy steps and batch GD one
// expensive one. All numbers come from the core through the worker.

import type { RegressionPath, RegressionSetup } from '../../protocol-lab.ts';
import type { MapPath } from '../../plots/contour-map.ts';
import { createSeriesChart } from '../../plots/series-chart.ts';
import { h } from '../../ui/dom.ts';
import { formatNumber } from '../kit/fields.ts';
import { REGIMES, REGIME_COLORS, REGIME_LABELS, REGIME_MARKERS, type Regime } from './presets.ts';
import { createRegressionControls } from './regression-controls.ts';
import type { LabState } from './state.ts';
import { card, errorText, labGrid, stageCard, latestOnly, lazyPlayerTab, pngButton, type LabTab, type TabContext, type TabDebug } from './tab.ts';
import { RUN_SECONDS, createWalkStage } from './walk-stage.ts';

const GRID = 161;
const HALF_WIDTH: [number, number] = [5, 5];

interface Walks {
  key: string;
  paths: Record<Regime, RegressionPath>;
  /** Fractional epochs of every update, per path (x of the loss-vs-epoch chart). */
  epochX: Record<Regime, Float64Array>;
}

const setupKey = (s: LabState): string => [s['gd.m'], s['gd.noise'], s['gd.seed']].join('|');
const walksKey = (s: LabState): string =>
  [setupKey(s), s['gd.lr'], s['gd.b'], s['gd.epochs'], s['gd.schedule'], s['gd.t0'], s['gd.t1'], s['gd.x'], s['gd.y']].join('|');

function shownCount(p: RegressionPath, t: number): number {
  return Math.min(p.theta0.length, 1 + Math.floor(t * p.batchesPerEpoch + 1e-9));
}

export function createRegressionTab(ctx: TabContext, initial: LabState): LabTab {
  let state = initial;
  let setup: RegressionSetup | null = null;
  let walks: Walks | null = null;

  // ---- controls
  const { element: controls, scheduleBox, sync } = createRegressionControls(ctx, state);

  // ---- the contour plot and its player
  const stage = createWalkStage({
    map: {
      label: 'Filled contour plot of the mean squared error over θ₀ and θ₁, with the normal-equation optimum and the three paths',
      xLabel: 'θ₀ (intercept)',
      yLabel: 'θ₁ (slope)',
      colorbarLabel: 'MSE',
      scale: 'log',
      decades: 3,
      maxHeight: 470,
      reserveHeight: 250,
    },
    speed: state['gd.speed'],
    onSpeed: (s) => ctx.update({ 'gd.speed': s }),
    barLabel: 'Regression',
    startDigits: 2,
    onStart(x, y, final) {
      ctx.update({ 'gd.x': x, 'gd.y': y });
      if (final) ctx.announce(`Start moved to θ₀ = ${x}, θ₁ = ${y}.`);
    },
    render: (force) => render(force),
  });
  const { player, bar, map, showError } = stage;
  const legend = h('ul', { class: 'path-legend', 'aria-label': 'Paths' });
  const mapCard = stageCard(
    'MSE over (θ₀, θ₁)',
    'lab-map',
    [bar.element, pngButton('the MSE contour plot', 'mse-contour', () => (map.flush(), map.canvas))],
    stage.mapHost,
    legend,
    h('p', { class: 'card-note' }, 'Data y = 4 + 3x + noise, model θ₀ + θ₁x. One start, one learning rate: batch GD uses all m examples per step, SGD one (reshuffled every epoch), mini-batch GD b. ★ is the normal-equation optimum.'),
    stage.errorBox,
  );

  const legendRows = new Map<Regime, { count: HTMLElement; loss: HTMLElement; name: HTMLElement; row: HTMLElement }>();
  for (const r of REGIMES) {
    const name = h('span', { class: 'path-name' });
    const count = h('span', { class: 'path-stat' });
    const loss = h('span', { class: 'path-stat' });
    const row = h(
      'li',
      { 'data-path': r },
      h('span', { class: `swatch-marker marker-${REGIME_MARKERS[r]}`, style: `--c:${REGIME_COLORS[r]}`, 'aria-hidden': 'true' }),
      name,
      count,
      loss,
    );
    legendRows.set(r, { count, loss, name, row });
    legend.append(row);
  }

  // ---- loss charts
  const epochHost = h('div', { class: 'chart-host' });
  const examplesHost = h('div', { class: 'chart-host' });
  const curves = [
    ...REGIMES.map((r) => ({ label: REGIME_LABELS[r], color: REGIME_COLORS[r] })),
    { label: 'normal equation', color: '#888888', dashed: true },
  ];
  const byEpoch = createSeriesChart(epochHost, { label: 'MSE against epochs', xLabel: 'epoch', yLabel: 'MSE', curves, logY: true, height: 168 });
  const byExamples = createSeriesChart(examplesHost, { label: 'MSE against examples processed', xLabel: 'examples processed', yLabel: 'MSE', curves, logY: true, height: 168 });
  const charts = h(
    'div',
    { class: 'lab-charts' },
    card('Loss against epochs', 'lab-chart', [pngButton('loss against epochs', 'mse-vs-epochs', () => byEpoch.snapshot())], epochHost),
    card('Loss against examples processed', 'lab-chart', [pngButton('loss against examples', 'mse-vs-examples', () => byExamples.snapshot())], examplesHost,
      h('p', { class: 'card-note' }, 'Per epoch SGD makes m noisy updates and batch GD one smooth, expensive one; by examples processed (the cost), SGD and mini-batches get close long before batch GD does.')),
  );

  const element = h(
    'div',
    { class: 'lab-panel lab-gd' },
    labGrid(ctx, controls, mapCard, charts, [{ label: 'Loss curves', content: [charts] }]),
  );

  // ---- requests
  const requestSetup = latestOnly(
    (s: LabState) =>
      ctx.worker.request({
        type: 'lab-regression-setup',
        data: { m: s['gd.m'], noise: s['gd.noise'], seed: s['gd.seed'] },
        halfWidth: HALF_WIDTH,
        nx: GRID,
        ny: GRID,
      }),
    (r, s, stale) => {
      if (stale || setupKey(s) !== setupKey(state)) return;
      setup = r;
      map.setField({ values: r.values, nx: r.nx, ny: r.ny, view: r.view });
      map.setPoints([{ x: r.optimum[0], y: r.optimum[1], shape: 'star', color: '#ffffff' }]);
      showError('');
      render(true);
    },
    (e) => showError(errorText(e)),
  );

  const requestWalks = latestOnly(
    (s: LabState) =>
      ctx.worker.request({
        type: 'lab-regression-walks',
        data: { m: s['gd.m'], noise: s['gd.noise'], seed: s['gd.seed'] },
        learningRate: s['gd.lr'],
        schedule: s['gd.schedule'] ? { t0: s['gd.t0'], t1: s['gd.t1'] } : false,
        start: [s['gd.x'], s['gd.y']],
        epochs: s['gd.epochs'],
        batchSizes: [s['gd.m'], 1, Math.min(s['gd.b'], s['gd.m'])],
      }),
    (r, s, stale) => {
      if (stale && !stage.keepStale()) return;
      const [batch, sgd, mini] = r.paths;
      if (!batch || !sgd || !mini) return;
      const paths: Record<Regime, RegressionPath> = { batch, sgd, mini };
      const epochX = {} as Record<Regime, Float64Array>;
      for (const k of REGIMES) epochX[k] = Float64Array.from(paths[k].theta0, (_, i) => i / paths[k].batchesPerEpoch);
      walks = { key: walksKey(s), paths, epochX };
      showError('');
      player.setStepSize(Math.min(s['gd.b'], s['gd.m']) / s['gd.m']);
      stage.loadWalks(s['gd.epochs']);
      render(true);
    },
    (e) => showError(errorText(e)),
  );

  function rate(s: LabState): number {
    return s['gd.epochs'] / RUN_SECONDS[s['gd.speed']];
  }

  // ---- drawing
  function render(forceCharts = false): void {
    const t = player.state.t;
    const epochs = state['gd.epochs'];
    bar.update(player.state, walks ? `epoch ${t.toFixed(t < 10 ? 2 : 1)} / ${epochs}` : '');
    const w = walks;
    if (!w) {
      map.setPaths([]);
      return;
    }
    const mapPaths: MapPath[] = REGIMES.map((r) => {
      const p = w.paths[r];
      return {
        key: r,
        color: REGIME_COLORS[r],
        marker: REGIME_MARKERS[r],
        x: p.theta0,
        y: p.theta1,
        shown: shownCount(p, t),
        diverged: p.diverged,
      };
    });
    map.setPaths(mapPaths);
    map.setStart([state['gd.x'], state['gd.y']]);
    const m = state['gd.m'];
    for (const r of REGIMES) {
      const p = w.paths[r];
      const row = legendRows.get(r);
      if (!row) continue;
      const n = shownCount(p, t);
      const k = n - 1;
      row.name.textContent = `${REGIME_LABELS[r]} · b = ${p.batchSize}`;
      row.count.textContent = `${k} updates · ${p.examples[k] ?? 0} examples`;
      const ended = p.diverged && n >= p.theta0.length;
      row.loss.textContent = ended ? 'diverged' : `MSE ${formatNumber(p.loss[k] ?? NaN)}`;
      row.row.dataset.diverged = String(ended);
    }
    if (!stage.chartsDue(forceCharts)) return;
    const optimumLoss = setup?.optimumLoss ?? NaN;
    const ref = (x1: number) => ({ x: [0, x1], y: [optimumLoss, optimumLoss] });
    // Ten times the starting MSE: only a diverging walk goes higher.
    const cap = 10 * (w.paths.batch.loss[0] ?? Infinity);
    byEpoch.setData(
      [...REGIMES.map((r) => ({ x: w.epochX[r], y: w.paths[r].loss, n: shownCount(w.paths[r], t) })), ref(epochs)],
      [0, epochs],
      cap,
    );
    byExamples.setData(
      [...REGIMES.map((r) => ({ x: w.paths[r].examples, y: w.paths[r].loss, n: shownCount(w.paths[r], t) })), ref(epochs * m)],
      [0, epochs * m],
      cap,
    );
  }

  // ---- settings in
  function apply(next: LabState): void {
    const prev = state;
    state = next;
    sync(next);
    scheduleBox.hidden = !next['gd.schedule'];
    bar.setSpeed(next['gd.speed']);
    player.setRate(rate(next));
    if (!setup || setupKey(prev) !== setupKey(next)) requestSetup(next);
    if (!walks || walks.key !== walksKey(next)) requestWalks(next);
    else render(true);
  }

  scheduleBox.hidden = !state['gd.schedule'];
  player.setRate(rate(state));
  map.setStart([state['gd.x'], state['gd.y']]);
  return {
    ...lazyPlayerTab({
      element,
      player,
      latest: () => state,
      remember: (next) => (state = next),
      apply,
      forget: () => {
        setup = null;
        walks = null;
      },
    }),
    debug(): TabDebug {
      const t = player.state.t;
      const w = walks;
      const paths = w
        ? REGIMES.map((r) => {
            const p = w.paths[r];
            return { key: r, shown: shownCount(p, t), length: p.theta0.length, diverged: p.diverged, x: Array.from(p.theta0), y: Array.from(p.theta1) };
          })
        : [];
      return stage.debug('gd', w !== null && setup !== null, paths);
    },
    destroy() {
      stage.destroy();
      byEpoch.destroy();
      byExamples.destroy();
      element.remove();
    },
  };
}
