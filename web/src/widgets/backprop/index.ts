// "Backpropagation, step by step": a tiny network drawn as a computation
// graph; → runs the forward pass a layer at a time, the error, the backward
// pass a layer at a time and the update, every number the core's (one
// forward/backward trace and its finite-difference twin per example). XOR
// as a preset: train many examples at once and watch the error fall.

import './backprop.css';
import type { BackpropTraceResult } from '../../../generated/mlp-simd.mjs';
import { createLineChart } from '../../plots/line-chart.ts';
import { h } from '../../ui/dom.ts';
import { float32Text } from '../../ui/numbers.ts';
import { createErrorLine } from '../kit/error-line.ts';
import { createTickets } from '../kit/tickets.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { createChainView } from './chain.ts';
import { createControls } from './controls.ts';
import { createGraph } from './graph.ts';
import { createParamsView } from './params.ts';
import { BACKPROP_STATE, PHASES, PHASE_TEXT, defaultSelection, example, networkSpec, parameterCount, parameters, xorSet, type BackpropSettings } from './settings.ts';

/** The finite differences' step. */
const H = 1e-5;

export const { mount } = defineWidget({
  route: 'backprop',
  title: 'Backpropagation, step by step',
  lede: ['→ steps one example forward, then the chain rule back to every weight (← back, r reset).'],
  className: 'backprop-widget',
  settings: BACKPROP_STATE,
  setup,
});

function setup(kit: Kit<typeof BACKPROP_STATE>) {
  let settings: BackpropSettings = kit.settings();
  let weights: Float32Array | null = null;
  let trace: BackpropTraceResult | null = null;
  let fd: Float64Array | null = null;
  // Examples stepped past, so ← can go back across them (not in the link).
  const history: Pick<BackpropSettings, 'w' | 'ex' | 'trained'>[] = [];
  const lossX: number[] = [];
  const lossY: number[] = [];

  const change = (c: Partial<BackpropSettings>): void => apply(kit.update(c));
  const selection = (): number => (settings.sel >= 0 && settings.sel < parameterCount(settings) ? settings.sel : defaultSelection(settings));
  const graph = createGraph((k) => change({ sel: k }));
  const chain = createChainView();
  const table = createParamsView({
    onEdit: (k, v) => weights && change({ w: Array.from(weights, (w, i) => (i === k ? v : float32Text(w))) }),
    onSelect: (k) => change({ sel: k }),
  });
  const controls = createControls(settings, { onChange: change, onBack: back, onNext: next, onReset: reset, onTrain: (n) => void train(n) });
  const phaseText = h('p', { class: 'phase', 'data-phase': '' });
  const trained = h('p', { class: 'trained', 'data-trained': '' });
  const error = createErrorLine();
  const fail = error.fail;
  /** Why the last Train stopped early (kept apart from the error line, which the next trace clears). */
  const diverged = h('p', { class: 'form-error', role: 'alert', 'data-diverged': '', hidden: true });
  const showDiverged = (message: string): void => {
    diverged.hidden = message === '';
    diverged.textContent = message;
  };
  const chartHost = h('div', { class: 'loss-chart' });
  const chartCard = h('details', { class: 'chart-card' }, h('summary', {}, 'Mean E over XOR as it trains'), chartHost);

  kit.body.append(
    h(
      'div',
      { class: 'backprop-grid' },
      h('section', { class: 'card graph-card', 'aria-label': 'Computation graph' }, phaseText, graph.element, chain.element, controls.steps, trained, diverged, error.element),
      h('section', { class: 'card side-card', 'aria-label': 'Network and parameters' }, controls.network, table.element, chartCard),
    ),
  );
  const chart = createLineChart(chartHost, { label: 'Mean error over the four XOR examples against examples trained', xLabel: 'examples', yLabel: 'mean E', series: [{ label: 'mean E', colorVar: '--series-1', points: true }], logY: true, height: 110 });

  const asked = createTickets();
  /** The weights (the link's, or the seed's), then the trace of the example through them. */
  async function compute(): Promise<void> {
    const mine = asked.take();
    const spec = networkSpec(settings);
    let w: Float32Array;
    if (settings.w.length === parameterCount(settings)) {
      w = Float32Array.from(settings.w);
    } else {
      if (settings.w.length > 0) kit.notice([`The link’s ${settings.w.length} weights do not fit this network (${parameterCount(settings)}); using the seed’s.`]);
      const r = await kit.request({ type: 'lesson-initial-weights', network: spec }, { onError: fail });
      if (!r || !asked.current(mine)) return;
      w = r.parameters;
    }
    const ex = example(settings);
    const r = await kit.request(
      { type: 'lesson-backprop', network: spec, parameters: w, x: Float32Array.from(ex.x), target: Float32Array.from(ex.t), learningRate: settings.lr, h: H },
      { onError: fail },
    );
    if (!r || !asked.current(mine)) return;
    error.clear();
    weights = w;
    trace = r.trace;
    fd = r.finiteDifferences;
    render();
  }

  function next(): void {
    if (settings.phase < PHASES.length - 1) {
      change({ phase: settings.phase + 1 });
      return;
    }
    if (!trace) return;
    // After the update: the new weights, and on XOR the next row.
    history.push({ w: settings.w, ex: settings.ex, trained: settings.trained });
    change({ w: Array.from(trace.updated, float32Text), phase: 0, trained: settings.trained + 1, ex: settings.data === 'xor' ? (settings.ex + 1) % 4 : settings.ex });
    kit.announce(`Weights updated; ${settings.data === 'xor' ? 'the next XOR example' : 'the same example again'}.`);
  }

  function back(): void {
    if (settings.phase > 0) change({ phase: settings.phase - 1 });
    else {
      const prev = history.pop();
      if (prev) change({ ...prev, phase: PHASES.length - 1 });
    }
  }

  function reset(): void {
    showDiverged('');
    history.length = 0;
    lossX.length = 0;
    lossY.length = 0;
    chart.setData(lossX, lossY);
    change({ w: [], phase: 0, trained: 0, ex: BACKPROP_STATE.ex.default });
  }

  async function train(n: number): Promise<void> {
    if (!weights || settings.data !== 'xor') return;
    const set = xorSet(settings);
    showDiverged('');
    const r = await kit.request(
      { type: 'lesson-backprop-train', network: networkSpec(settings), parameters: weights, x: set.x, targets: set.targets, rows: 4, learningRate: settings.lr, first: settings.ex, steps: n },
      { onError: fail },
    );
    if (!r) return;
    history.length = 0;
    // Diverged: the core stopped before the step that diverged and returned the last good weights.
    const done = r.losses.length;
    const total = settings.trained + done;
    if (done > 0) {
      lossX.push(total);
      lossY.push(r.meanLoss);
      chart.setData(lossX, lossY);
      change({ w: Array.from(r.parameters, float32Text), phase: 0, trained: total, ex: (settings.ex + done) % 4 });
    }
    if (r.diverged) {
      const text = `Training diverged and stopped: ${r.message}`;
      showDiverged(text);
      kit.announce(text);
    } else kit.announce(`Trained on ${n} more examples: mean E over XOR ${r.meanLoss.toFixed(4)}.`);
  }

  function render(): void {
    const phase = PHASES[settings.phase] ?? 'input';
    const params = parameters(settings);
    const ex = example(settings);
    const sel = selection();
    const w = weights ?? new Float32Array(params.length);
    graph.show({ params, weights: w, trace, x: ex.x, t: ex.t, phase, selected: sel });
    chain.show({ param: params[sel], index: sel, weight: w[sel] ?? NaN, trace, finiteDifferences: fd, phase, out: settings.out, lr: settings.lr });
    table.show({ params, weights: w, trace, finiteDifferences: fd, phase, selected: sel });
    controls.show(settings, settings.phase > 0 || history.length > 0);
    phaseText.textContent = `Step ${settings.phase + 1} of ${PHASES.length}. ${PHASE_TEXT[phase]}`;
    const last = lossY[lossY.length - 1];
    trained.textContent = settings.trained === 0 ? 'The seed’s weights, not trained yet.' : `Trained on ${settings.trained} examples${last === undefined ? '' : `; mean E over XOR ${last.toFixed(4)}`}.`;
  }

  function apply(nextSettings: BackpropSettings): void {
    const before = settings;
    settings = nextSettings;
    const recompute = (['hidden', 'outputs', 'act', 'out', 'seed', 'lr', 'data', 'ex'] as const).some((k) => nextSettings[k] !== before[k]) || [nextSettings.x, nextSettings.t, nextSettings.w].some((v, i) => v.join() !== [before.x, before.t, before.w][i]?.join());
    if (recompute) void compute();
    render();
  }

  render();
  void compute();

  return {
    apply,
    keys: { ArrowRight: next, ArrowLeft: back, r: reset },
    reload() {
      void compute();
    },
    destroy() {
      chart.destroy();
    },
  };
}
