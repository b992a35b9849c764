// "Real network": a small MLP (2-h-h-2) trained on two moons or circles by
// batch GD, SGD and mini-batch GD side by side in the worker — loss against
// epochs and against each run's own training time — then a filter-normalised
// 2-D slice of its loss landscape around one run's trained weights, with
// every run's path projected onto it. Training and the landscape run in the
// worker in slices; this file only sends settings and draws.

import type { ActivationName } from '../../../generated/mlp-simd.mjs';
import type { LabNetEvent, LandscapeConfig, LandscapeResult, NetJobConfig, NetPhase, NetRunKey } from '../../protocol-lab.ts';
import { NET_RUNS } from '../../protocol-lab.ts';
import { createContourMap } from '../../plots/contour-map.ts';
import { createSeriesChart } from '../../plots/series-chart.ts';
import { h } from '../../ui/dom.ts';
import { formatNumber, linearValues, numberChoiceField, numberField, roundValues, selectField, sliderField, type Field } from '../kit/fields.ts';
import { OPTIMIZERS, OPTIMIZER_LABELS, REGIMES, REGIME_COLORS, REGIME_LABELS, REGIME_MARKERS } from './presets.ts';
import { LAB_STATE, type LabState } from './state.ts';
import { card, errorText, pngButton, type LabTab, type TabContext, type TabDebug } from './tab.ts';

const ACTIVATIONS: readonly { value: LabState['net.act']; label: string }[] = [
  { value: 'tanh', label: 'tanh' },
  { value: 'relu', label: 'ReLU' },
  { value: 'elu', label: 'ELU' },
  { value: 'sigmoid', label: 'sigmoid' },
];

interface RunSeries {
  epoch: number[];
  loss: number[];
  accuracy: number[];
  ms: number[];
  diverged: boolean;
  message: string;
}

const emptySeries = (): Record<NetRunKey, RunSeries> => ({
  batch: { epoch: [], loss: [], accuracy: [], ms: [], diverged: false, message: '' },
  sgd: { epoch: [], loss: [], accuracy: [], ms: [], diverged: false, message: '' },
  mini: { epoch: [], loss: [], accuracy: [], ms: [], diverged: false, message: '' },
});

function jobConfig(s: LabState): NetJobConfig {
  const activation: ActivationName = s['net.act'];
  return {
    data: s['net.data'],
    n: s['net.n'],
    noise: s['net.noise'],
    seed: s['net.seed'],
    hidden: s['net.hidden'],
    activation,
    optimizer: s['net.opt'],
    learningRate: s['net.lr'],
    batchSize: s['net.b'],
    epochs: s['net.epochs'],
    landscape: landscapeConfig(s),
  };
}

const landscapeConfig = (s: LabState): LandscapeConfig => ({
  centre: s['net.centre'],
  span: s['net.span'],
  resolution: s['net.res'],
  seed: s['net.seed'],
});

const trainKey = (s: LabState): string => JSON.stringify({ ...jobConfig(s), landscape: null });
const landscapeKey = (c: LandscapeConfig): string => JSON.stringify(c);

export function createNetworkTab(ctx: TabContext, initial: LabState): LabTab {
  let state = initial;
  let started = false;
  let job: number | null = null;
  let jobKey = '';
  let phase: NetPhase | 'idle' = 'idle';
  let series = emptySeries();
  let landscape: LandscapeResult | null = null;
  let landscapeBusy = false;
  /** The slice being computed or shown. */
  let landscapeAsked: LandscapeConfig = landscapeConfig(state);
  /** Answers to earlier train requests are ignored. */
  let trainToken = 0;
  let error = '';
  let epochsNow = 0;
  let target = state['net.epochs'];

  // ---- controls
  const P = LAB_STATE;
  const syncs: ((s: LabState) => void)[] = [];
  const set = <K extends keyof LabState>(key: K, f: Field<LabState[K]>): HTMLElement => {
    syncs.push((s) => f.set(s[key]));
    return f.element;
  };
  const trainButton = h('button', { type: 'button', class: 'button primary', 'data-action': 'train', title: 'Train the three runs again from the same initial weights (r)' }, 'Retrain');
  const pauseButton = h('button', { type: 'button', class: 'button', 'data-action': 'pause' }, 'Pause');
  trainButton.addEventListener('click', () => train());
  pauseButton.addEventListener('click', () => togglePause());
  const controls = card(
    'Network and data',
    'lab-controls',
    [],
    h(
      'div',
      { class: 'pair wide-first' },
      set('net.data', selectField({ label: 'Data', name: 'net.data', options: [{ value: 'moons', label: 'Two moons' }, { value: 'circles', label: 'Circles' }], value: state['net.data'], onChange: (v) => ctx.update({ 'net.data': v }) })),
      set('net.seed', numberField({ label: 'Seed', name: 'net.seed', value: state['net.seed'], min: 0, max: P['net.seed'].max, integer: true, onChange: (v) => ctx.update({ 'net.seed': v }) })),
    ),
    set('net.n', sliderField({ label: 'Examples', name: 'net.n', values: [50, 100, 200, 400, 500, 1000, 2000], value: state['net.n'], log: true, onChange: (v) => ctx.update({ 'net.n': v }) })),
    set('net.noise', sliderField({ label: 'Noise', name: 'net.noise', values: linearValues(0, 0.5, 0.05), value: state['net.noise'], onChange: (v) => ctx.update({ 'net.noise': v }) })),
    h(
      'div',
      { class: 'pair' },
      set('net.hidden', numberChoiceField({ label: 'Hidden units', name: 'net.hidden', options: [2, 4, 8, 16, 32, 64].map((v) => ({ value: v, label: `${v} + ${v}` })), value: state['net.hidden'], onChange: (v) => ctx.update({ 'net.hidden': v }) })),
      set('net.act', selectField({ label: 'Activation', name: 'net.act', options: ACTIVATIONS, value: state['net.act'], onChange: (v) => ctx.update({ 'net.act': v }) })),
    ),
    set('net.opt', selectField({ label: 'Optimizer (all three runs)', name: 'net.opt', options: OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] })), value: state['net.opt'], onChange: (v) => ctx.update({ 'net.opt': v }) })),
    set('net.lr', sliderField({ label: 'Learning rate η', name: 'net.lr', values: roundValues(1e-4, 5), value: state['net.lr'], log: true, onChange: (v) => ctx.update({ 'net.lr': v }) })),
    set('net.b', sliderField({ label: 'Mini-batch size', name: 'net.b', values: [2, 4, 8, 16, 32, 64, 128, 256], value: state['net.b'], log: true, onChange: (v) => ctx.update({ 'net.b': v }) })),
    set('net.epochs', sliderField({ label: 'Epochs', name: 'net.epochs', values: [5, 10, 20, 50, 100, 200, 300, 500], value: state['net.epochs'], log: true, onChange: (v) => ctx.update({ 'net.epochs': v }) })),
    h('div', { class: 'button-row' }, trainButton, pauseButton),
    h('h3', { class: 'sub-head' }, 'Landscape slice'),
    set('net.centre', selectField({ label: 'Centred on the weights of', name: 'net.centre', options: REGIMES.map((r) => ({ value: r, label: REGIME_LABELS[r] })), value: state['net.centre'], onChange: (v) => ctx.update({ 'net.centre': v }) })),
    h(
      'div',
      { class: 'pair' },
      set('net.span', numberChoiceField({ label: 'Span', name: 'net.span', options: [0.25, 0.5, 1, 2, 5].map((v) => ({ value: v, label: `±${v}` })), value: state['net.span'], onChange: (v) => ctx.update({ 'net.span': v }) })),
      set('net.res', numberChoiceField({ label: 'Resolution', name: 'net.res', options: [21, 41, 61, 81].map((v) => ({ value: v, label: `${v} × ${v}` })), value: state['net.res'], onChange: (v) => ctx.update({ 'net.res': v }) })),
    ),
  );

  // ---- progress, runs, charts
  const trainBar = h('progress', { max: 1, value: 0, 'aria-label': 'Training progress' });
  const trainText = h('span', { class: 'progress-text' });
  const landBar = h('progress', { max: 1, value: 0, 'aria-label': 'Landscape progress' });
  const landText = h('span', { class: 'progress-text' });
  const progress = h(
    'div',
    { class: 'net-progress' },
    h('div', { class: 'progress-row' }, h('span', { class: 'progress-label' }, 'Training'), trainBar, trainText),
    h('div', { class: 'progress-row' }, h('span', { class: 'progress-label' }, 'Landscape'), landBar, landText),
  );
  const runList = h('ul', { class: 'path-legend net-runs', 'aria-label': 'Runs' });
  const runRows = new Map<NetRunKey, { name: HTMLElement; stats: HTMLElement; row: HTMLElement }>();
  for (const r of REGIMES) {
    const name = h('span', { class: 'path-name' });
    const stats = h('span', { class: 'path-stat' });
    const row = h(
      'li',
      { 'data-path': r },
      h('span', { class: `swatch-marker marker-${REGIME_MARKERS[r]}`, style: `--c:${REGIME_COLORS[r]}`, 'aria-hidden': 'true' }),
      name,
      stats,
    );
    runRows.set(r, { name, stats, row });
    runList.append(row);
  }

  const curves = REGIMES.map((r) => ({ label: REGIME_LABELS[r], color: REGIME_COLORS[r] }));
  const epochHost = h('div', { class: 'chart-host' });
  const timeHost = h('div', { class: 'chart-host' });
  const byEpoch = createSeriesChart(epochHost, { label: 'Training loss against epochs', xLabel: 'epoch', yLabel: 'loss', curves, logY: true, height: 160 });
  const byTime = createSeriesChart(timeHost, { label: 'Training loss against training time', xLabel: 'milliseconds of training', yLabel: 'loss', curves, logY: true, height: 160 });
  const charts = h(
    'div',
    { class: 'lab-charts' },
    card('Loss against epochs', 'lab-chart', [pngButton('loss against epochs', 'network-loss-vs-epochs', () => byEpoch.snapshot())], epochHost),
    card('Loss against wall time', 'lab-chart', [pngButton('loss against wall time', 'network-loss-vs-time', () => byTime.snapshot())], timeHost,
      h('p', { class: 'card-note' }, 'Each run’s own time inside the core’s training calls; the three take turns in the worker.')),
  );

  const mapHost = h('div', { class: 'map-host' });
  const errorBox = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const map = createContourMap(mapHost, {
    label: 'Filled contour plot of the network’s loss on a 2-D slice through its trained weights, with the training paths projected onto it',
    xLabel: 'α (random direction 1)',
    yLabel: 'β (random direction 2)',
    colorbarLabel: 'loss',
    scale: 'log',
    decades: 3,
    maxHeight: 440,
    reserveHeight: 330,
  });
  const mapCard = card(
    'Loss landscape slice',
    'lab-map',
    [pngButton('the loss landscape', 'loss-landscape', () => (map.flush(), map.canvas))],
    progress,
    mapHost,
    runList,
    h(
      'p',
      { class: 'card-note' },
      'One small MLP from the same initial weights (rings), trained three ways side by side in the worker. ',
      'The slice is L(θ* + α·d₁ + β·d₂) around the trained weights θ* (★) along two random filter-normalised directions (Li et al., 2018). ',
      h('strong', {}, 'Random directions capture only part of the path: '),
      'most of each run’s movement is orthogonal to this plane, so the projected paths look shorter than they were.',
    ),
    errorBox,
  );

  const element = h(
    'div',
    { class: 'lab-panel lab-net' },
    h('div', { class: 'lab-grid' }, controls, mapCard, charts),
  );

  // ---- the job
  function showError(message: string): void {
    error = message;
    errorBox.hidden = message === '';
    errorBox.textContent = message;
  }

  function train(): void {
    const config = jobConfig(state);
    const token = ++trainToken;
    jobKey = trainKey(state);
    landscapeAsked = config.landscape;
    series = emptySeries();
    landscape = null;
    landscapeBusy = false;
    epochsNow = 0;
    target = config.epochs;
    phase = 'training';
    const previous = job;
    job = null;
    map.setField(null);
    map.setPaths([]);
    map.setPoints([]);
    showError('');
    render();
    // The worker closes this tab's previous job once the new one is built (jobs are per widget).
    ctx.worker.request({ type: 'lab-net-train', config, replaces: previous ?? undefined }).then(
      (r) => {
        if (token === trainToken) job = r.job;
        else void ctx.worker.request({ type: 'lab-net-control', job: r.job, action: 'close' }).catch(() => undefined);
      },
      (e: unknown) => {
        if (token !== trainToken) return;
        phase = 'failed';
        showError(errorText(e));
        render();
      },
    );
  }

  function togglePause(): void {
    if (job === null) return;
    const action = phase === 'paused' ? 'resume' : phase === 'training' ? 'pause' : null;
    if (!action) return;
    ctx.worker.request({ type: 'lab-net-control', job, action }).then(
      (r) => {
        if (r.job === job) {
          phase = r.phase;
          render();
        }
      },
      (e: unknown) => showError(errorText(e)),
    );
  }

  function requestLandscape(): void {
    if (job === null || landscapeBusy) return;
    landscapeBusy = true;
    landscape = null;
    landscapeAsked = landscapeConfig(state);
    ctx.worker.request({ type: 'lab-net-landscape', job, landscape: landscapeAsked }).catch((e: unknown) => {
      landscapeBusy = false;
      showError(errorText(e));
    });
  }

  function onEvent(e: LabNetEvent): void {
    if (job === null || e.job !== job) return;
    phase = e.phase;
    target = e.targetEpochs;
    for (const add of e.added) {
      const s = series[add.key];
      add.epoch.forEach((v, i) => {
        s.epoch.push(v);
        s.loss.push(add.loss[i] ?? NaN);
        s.accuracy.push(add.accuracy[i] ?? NaN);
        s.ms.push(add.ms[i] ?? NaN);
      });
    }
    for (const r of e.runs) {
      series[r.key].diverged = r.diverged;
      series[r.key].message = r.message;
    }
    epochsNow = Math.min(...e.runs.map((r) => (r.diverged ? e.targetEpochs : r.epoch)));
    landBar.max = Math.max(1, e.landscapeResolution);
    landBar.value = e.phase === 'done' ? e.landscapeResolution : e.landscapeRows;
    landText.textContent = e.phase === 'landscape' ? `${e.landscapeRows} / ${e.landscapeResolution} rows` : e.phase === 'done' ? 'done' : '';
    if (e.message) showError(e.message);
    if (e.landscape) {
      landscape = e.landscape;
      landscapeBusy = false;
      showLandscape(e.landscape);
      // Settings changed while it was computed: one more slice with the new ones.
      if (landscapeKey(landscapeAsked) !== landscapeKey(landscapeConfig(state))) requestLandscape();
      else ctx.announce('Loss landscape ready.');
    }
    render();
  }

  function showLandscape(l: LandscapeResult): void {
    map.setField({ values: l.values, nx: l.resolution, ny: l.resolution, view: [-l.span, l.span, -l.span, l.span] });
    map.setPoints([{ x: 0, y: 0, shape: 'star', color: '#ffffff' }]);
    map.setPaths(
      l.paths.map((p) => ({
        key: p.key,
        color: REGIME_COLORS[p.key],
        marker: REGIME_MARKERS[p.key],
        x: p.alpha,
        y: p.beta,
        dots: p.alpha.length <= 120,
        origin: true,
        diverged: series[p.key].diverged,
      })),
    );
    map.setCaption(`★ = ${REGIME_LABELS[l.centre]}, trained`);
  }

  function render(): void {
    const n = state['net.n'];
    trainBar.max = Math.max(1, target);
    trainBar.value = epochsNow;
    trainText.textContent = phase === 'idle' ? '' : `epoch ${epochsNow} / ${target}${phase === 'paused' ? ' (paused)' : ''}`;
    pauseButton.textContent = phase === 'paused' ? 'Resume' : 'Pause';
    pauseButton.disabled = !(phase === 'training' || phase === 'paused') || job === null;
    for (const r of NET_RUNS) {
      const s = series[r];
      const row = runRows.get(r);
      if (!row) continue;
      const k = s.epoch.length - 1;
      const b = r === 'batch' ? n : r === 'sgd' ? 1 : Math.min(state['net.b'], n);
      row.name.textContent = `${REGIME_LABELS[r]} · b = ${b}`;
      row.stats.textContent = s.diverged
        ? `diverged at epoch ${s.epoch[k] ?? 0}`
        : k < 0
          ? '—'
          : `epoch ${s.epoch[k]} · loss ${formatNumber(s.loss[k] ?? NaN)} · ${Math.round(100 * (s.accuracy[k] ?? 0))}% · ${formatNumber(s.ms[k] ?? NaN)} ms`;
      row.row.dataset.diverged = String(s.diverged);
    }
    byEpoch.setData(REGIMES.map((r) => ({ x: series[r].epoch, y: series[r].loss })), [0, target]);
    byTime.setData(REGIMES.map((r) => ({ x: series[r].ms, y: series[r].loss })));
  }

  function apply(next: LabState): void {
    const prev = state;
    state = next;
    for (const sync of syncs) sync(next);
    if (trainKey(next) !== jobKey) {
      train();
      return;
    }
    const wanted = landscapeKey(landscapeConfig(next));
    if (landscapeKey(landscapeConfig(prev)) !== wanted && phase === 'done') requestLandscape();
    render();
  }

  const offLab = ctx.worker.onLab(onEvent);

  return {
    element,
    apply(next) {
      if (started) apply(next);
      else state = next;
    },
    setActive(active) {
      element.hidden = !active;
      if (active && !started) {
        started = true;
        for (const sync of syncs) sync(state);
        train();
      }
    },
    toggle: () => togglePause(),
    step: () => undefined,
    reset: () => train(),
    reload() {
      jobKey = '';
      if (started) train();
    },
    debug(): TabDebug {
      const paths = landscape
        ? landscape.paths.map((p) => ({ key: p.key, shown: p.alpha.length, length: p.alpha.length, diverged: series[p.key].diverged, x: Array.from(p.alpha), y: Array.from(p.beta) }))
        : [];
      return {
        tab: 'net',
        ready: phase === 'done' && landscape !== null,
        t: epochsNow,
        end: target,
        playing: phase === 'training' || phase === 'landscape',
        paths,
        diverged: NET_RUNS.filter((r) => series[r].diverged),
        error,
      };
    },
    destroy() {
      offLab();
      if (job !== null) void ctx.worker.request({ type: 'lab-net-control', job, action: 'close' }).catch(() => undefined);
      map.destroy();
      byEpoch.destroy();
      byTime.destroy();
      element.remove();
    },
  };
}
