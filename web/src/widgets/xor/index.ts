// "Perceptron vs MLP on logic gates": Rosenblatt's perceptron learns AND, OR,
// NAND and NOR but never XOR; one hidden layer does. Every number shown comes
// from the WASM core through the worker; this file only sends and draws.

import './xor.css';
import './embed.css';
import type { PerceptronSummary, RequestBody, RequestType } from '../../protocol.ts';
import type { ProgressEvent, RunState } from '../../protocol-runs.ts';
import { GATE_INPUTS } from '../../protocol.ts';
import { createLineChart } from '../../plots/line-chart.ts';
import { h } from '../../ui/dom.ts';
import { defineWidget, type Kit, type RequestFailure } from '../kit/widget.ts';
import { createBoundaryView, GRID } from './boundary.ts';
import { createControls } from './controls.ts';
import { GATE_LABELS, gateTargets, linearlySeparable } from './gates.ts';
import {
  EPOCHS_PER_RUN,
  PERCEPTRON,
  SPEEDS,
  XOR_STATE,
  architecture,
  networkSpec,
  trainConfig,
  type XorSettings,
} from './settings.ts';
import { createStats } from './stats.ts';
import { createTruthTable } from './truth-table.ts';

const TABLE_POINTS = Float32Array.from(GATE_INPUTS.flat());

export const { mount } = defineWidget({
  route: 'xor',
  title: 'Perceptron vs MLP on logic gates',
  lede: [
    'Rosenblatt’s perceptron draws one straight line, so it learns AND, OR, NAND and NOR but never XOR: ',
    'no line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other. ',
    'A hidden layer bends the boundary. Pick a gate and train both.',
  ],
  className: 'xor-widget',
  settings: XOR_STATE,
  setup,
});

function setup(kit: Kit<typeof XOR_STATE>) {
  const { worker } = kit.ctx;
  let settings: XorSettings = kit.settings();

  // ---- views
  const controls = createControls(settings, {
    onChange: (changes) => change(changes),
    onTrain: () => void train(),
    onPause: () => {
      if (job !== null) void send({ type: 'pause', job });
    },
    onReset: () => void reset(),
  });
  const table = createTruthTable();
  const stats = createStats();
  const boundary = createBoundaryView();
  const lossHost = h('div', { class: 'loss-host' });
  const lossEmpty = h('p', { class: 'empty-note' }, 'Press Train to watch the loss fall.');
  const boundaryNote = h('p', { class: 'card-note' });

  const results = h('section', { class: 'card results', 'aria-label': 'Predictions' }, table.element, stats.element);
  const boundaryCard = h('section', { class: 'card boundary-card', 'aria-label': 'Decision boundary' }, h('h2', {}, 'Decision boundary'), boundary.element, boundaryNote);
  const lossCard = h('section', { class: 'card loss-card', 'aria-label': 'Training loss' }, h('h2', {}, 'MLP training loss'), lossHost, lossEmpty);
  kit.body.append(h('div', { class: 'xor-grid' }, controls.element, results, boundaryCard, lossCard));

  const chart = createLineChart(lossHost, {
    label: 'The MLP’s cross-entropy loss per epoch (log scale)',
    xLabel: 'epoch',
    yLabel: 'loss',
    series: [{ label: 'loss', colorVar: '--series-1' }],
    logY: true,
    height: 140,
  });

  // ---- state: the MLP's job and what its last progress said
  let job: number | null = null;
  let runState: RunState = 'idle';
  let targetEpoch = 0;
  let epochNow = 0;
  let batchesPerEpoch = 1;
  let accuracy: number | null = null;
  let loss = NaN;
  let perceptron: PerceptronSummary | null = null;
  let lossX: number[] = [];
  let lossY: number[] = [];
  let reachedAll = false;

  const showError = (f: RequestFailure): void => controls.showError(f.message);

  /** A request about the MLP; its failure (a core error) is shown by the controls. */
  async function send<K extends RequestType>(body: RequestBody<K> & { type: K }): Promise<boolean> {
    const r = await kit.request<K>(body, { onError: showError });
    if (r !== null) controls.showError(null);
    return r !== null;
  }

  function showMlp(message = ''): void {
    stats.setMlp({ architecture: architecture(settings), state: runState, epoch: epochNow, targetEpoch, loss, accuracy, message });
  }

  function describeGate(): void {
    const g = settings.gate;
    boundaryNote.textContent = linearlySeparable(g)
      ? `${GATE_LABELS[g]} is linearly separable: the perceptron’s line can split it.`
      : `${GATE_LABELS[g]} is not linearly separable: no single line splits it.`;
  }

  function clearRun(): void {
    lossX = [];
    lossY = [];
    chart.setData(lossX, lossY);
    lossEmpty.hidden = false;
    runState = 'idle';
    targetEpoch = 0;
    epochNow = 0;
    accuracy = null;
    loss = NaN;
    reachedAll = false;
  }

  function clearPerceptron(): void {
    perceptron = null;
    table.setPerceptron(null);
    stats.setPerceptron(null);
    boundary.setPerceptron(null);
  }

  /** A new MLP for the current settings (the old job is closed once the new one is built). */
  async function build(): Promise<void> {
    table.setGate(settings.gate);
    boundary.setTargets(gateTargets(settings.gate));
    describeGate();
    clearRun();
    controls.setRunState('idle', false);
    const r = await kit.request(
      { type: 'open', network: networkSpec(settings), train: trainConfig(settings), data: { kind: 'gate', gate: settings.gate }, replaces: job ?? undefined },
      { onError: showError },
    );
    if (!r) return;
    job = r.job;
    batchesPerEpoch = Math.max(1, r.batchesPerEpoch);
    controls.showError(null);
    controls.setRunState('idle', true);
    showMlp();
    refresh();
  }

  /** Settings from the form or the link: the rate goes to the live trainer, the rest builds anew. */
  function apply(next: XorSettings): void {
    const before = settings;
    settings = next;
    controls.show(next);
    if (next.gate !== before.gate) clearPerceptron();
    if (next.gate !== before.gate || next.hidden !== before.hidden || next.act !== before.act) {
      void build();
      return;
    }
    if (next.lr !== before.lr && job !== null) void send({ type: 'setTrain', job, train: trainConfig(next) });
    if (next.speed !== before.speed && runState === 'running') void restartPaced();
  }

  function change(changes: Partial<XorSettings>): void {
    apply(kit.update(changes));
  }

  async function reset(): Promise<void> {
    if (job === null) return;
    clearPerceptron();
    clearRun();
    const r = await kit.request({ type: 'reset', job }, { onError: showError });
    if (!r) return;
    controls.setRunState('idle', true);
    showMlp();
    refresh();
  }

  async function runPerceptron(): Promise<void> {
    const gate = settings.gate;
    const p = await kit.request({ type: 'perceptron', data: { kind: 'gate', gate }, ...PERCEPTRON }, { onError: showError });
    if (!p || gate !== settings.gate) return;
    perceptron = p;
    table.setPerceptron(p.predictions);
    stats.setPerceptron(p);
    boundary.setPerceptron(p.weights);
    kit.announce(
      p.converged
        ? `Perceptron converged on ${GATE_LABELS[gate]} after ${p.epochs} epochs.`
        : `Perceptron did not converge on ${GATE_LABELS[gate]} in ${p.epochs} epochs.`,
    );
  }

  const batchesPerSecond = (): number => SPEEDS[settings.speed].epochsPerSecond; // one batch per epoch (batch 4 of 4)

  async function train(): Promise<void> {
    if (job === null) return;
    if (!perceptron) void runPerceptron();
    // A paused run continues to its target, at the speed chosen now (so not `resume`).
    const epochs = runState === 'paused' ? Math.max(1, targetEpoch - epochNow) : EPOCHS_PER_RUN;
    await send({ type: 'start', job, epochs, batchesPerSecond: batchesPerSecond() });
  }

  async function restartPaced(): Promise<void> {
    if (job === null) return;
    await send({ type: 'start', job, epochs: Math.max(1, targetEpoch - epochNow), batchesPerSecond: batchesPerSecond() });
  }

  // Predictions and evaluation follow progress, one round trip at a time:
  // a slow answer is never queued behind a pile of stale ones.
  let refreshing = false;
  let refreshAgain = false;
  function refresh(): void {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    if (job === null) return;
    refreshing = true;
    const want = job;
    void Promise.all([
      kit.request({ type: 'predict', job: want, inputs: [{ kind: 'points', x: TABLE_POINTS, rows: 4 }, { kind: 'grid', grid: GRID }] }, { onError: showError }),
      kit.request({ type: 'evaluate', job: want }, { onError: showError }),
    ])
      .then(([pred, evaluation]) => {
        if (!pred || !evaluation || want !== job) return;
        const [points, grid] = pred.outputs;
        if (points) table.setMlp(points);
        if (grid) boundary.setGrid(grid);
        accuracy = evaluation.accuracy;
        loss = evaluation.loss;
        showMlp();
        const epoch = Math.floor(evaluation.steps / batchesPerEpoch);
        if (accuracy === 1 && !reachedAll && epoch > 0) {
          reachedAll = true;
          kit.announce(`MLP reached 100% accuracy on ${GATE_LABELS[settings.gate]} at epoch ${epoch}.`);
        }
      })
      .finally(() => {
        refreshing = false;
        if (refreshAgain && kit.alive()) {
          refreshAgain = false;
          refresh();
        }
      });
  }

  function onProgress(p: ProgressEvent): void {
    if (p.job !== job) return;
    for (let k = 0; k < p.losses.length; k++) {
      lossX.push((p.firstStep + k + 1) / Math.max(1, p.batchesPerEpoch));
      lossY.push(p.losses[k] ?? NaN);
    }
    if (p.losses.length > 0) {
      chart.setData(lossX, lossY);
      lossEmpty.hidden = true;
    }
    const was = runState;
    runState = p.state;
    targetEpoch = p.targetEpoch;
    epochNow = p.epoch;
    batchesPerEpoch = Math.max(1, p.batchesPerEpoch);
    controls.setRunState(runState, true);
    showMlp(p.message);
    if (p.state === 'diverged' && p.message) controls.showError(`Training diverged: ${p.message}`);
    if (was === 'running' && p.state === 'finished') kit.announce(`Training finished at epoch ${p.epoch}.`);
    refresh();
  }

  kit.onDispose(worker.onProgress(onProgress));
  kit.onDispose(
    worker.onConnection((e) => {
      if (e.kind === 'crashed') {
        job = null;
        controls.setRunState('idle', false);
      }
    }),
  );

  clearPerceptron();
  void build();

  return {
    apply,
    player: {
      play: () => void train(),
      pause: () => {
        if (job !== null && runState === 'running') void send({ type: 'pause', job });
      },
      reset: () => void reset(),
      running: () => runState === 'running',
    },
    parts: { main: boundaryCard, panels: [controls.element, results, lossCard] },
    reload() {
      job = null;
      clearPerceptron();
      void build();
    },
    destroy() {
      // The job is this widget's alone: free it.
      if (job !== null) void worker.request({ type: 'close', job }).catch(() => undefined);
      chart.destroy();
      boundary.destroy();
    },
  };
}
