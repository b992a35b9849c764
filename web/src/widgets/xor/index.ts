// "Perceptron vs MLP on logic gates": Rosenblatt's perceptron learns AND, OR,
// NAND and NOR but never XOR; one hidden layer does. Every number shown comes
// from the WASM core through the worker; this file only sends and draws.

import './xor.css';
import type { PerceptronSummary, ProgressEvent, RunState } from '../../protocol.ts';
import { GATE_INPUTS } from '../../protocol.ts';
import { createLineChart } from '../../plots/line-chart.ts';
import { h } from '../../ui/dom.ts';
import type { WidgetContext } from '../types.ts';
import { createBoundaryView, GRID } from './boundary.ts';
import { createControls } from './controls.ts';
import { GATE_LABELS, gateTargets, linearlySeparable } from './gates.ts';
import {
  EPOCHS_PER_RUN,
  PERCEPTRON,
  SPEEDS,
  architecture,
  networkSpec,
  trainConfig,
  type XorSettings,
} from './settings.ts';
import { createStats } from './stats.ts';
import { createTruthTable } from './truth-table.ts';

const TABLE_POINTS = Float32Array.from(GATE_INPUTS.flat());

export function mount(container: HTMLElement, ctx: WidgetContext): () => void {
  const { worker } = ctx;

  // ---- views
  const controls = createControls({
    onModelChange: () => void configure(),
    onSpeedChange: () => void changeSpeed(),
    onTrain: () => void train(),
    onPause: () => void send(() => worker.request({ type: 'pause' })),
    onReset: () => void reset(),
  });
  const table = createTruthTable();
  const stats = createStats();
  const boundary = createBoundaryView();
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const lossHost = h('div', { class: 'loss-host' });
  const lossEmpty = h('p', { class: 'empty-note' }, 'Press Train to watch the loss fall.');
  const boundaryNote = h('p', { class: 'card-note' });

  const root = h(
    'article',
    { class: 'xor-widget' },
    h(
      'header',
      { class: 'widget-head' },
      h('h1', {}, 'Perceptron vs MLP on logic gates'),
      h(
        'p',
        { class: 'lede' },
        'Rosenblatt’s perceptron draws one straight line, so it learns AND, OR, NAND and NOR but never XOR: ',
        'no line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other. ',
        'A hidden layer bends the boundary. Pick a gate and train both.',
      ),
    ),
    h(
      'div',
      { class: 'xor-grid' },
      controls.element,
      h('section', { class: 'card results', 'aria-label': 'Predictions' }, table.element, stats.element),
      h('section', { class: 'card boundary-card', 'aria-label': 'Decision boundary' }, h('h2', {}, 'Decision boundary'), boundary.element, boundaryNote),
      h('section', { class: 'card loss-card', 'aria-label': 'Training loss' }, h('h2', {}, 'MLP training loss'), lossHost, lossEmpty),
    ),
    announcer,
  );
  container.append(root);

  const chart = createLineChart(lossHost, {
    label: 'The MLP’s cross-entropy loss per epoch (log scale)',
    xLabel: 'epoch',
    yLabel: 'loss',
    series: [{ label: 'loss', colorVar: '--series-1' }],
    logY: true,
    height: 140,
  });

  // ---- state
  let settings: XorSettings = controls.read();
  let session: number | null = null;
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
  let disposed = false;

  function announce(text: string): void {
    announcer.textContent = text;
  }

  /** Runs a request; its failure (a core error) is shown by the controls. */
  async function send<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      const value = await fn();
      if (!disposed) controls.showError(null);
      return value;
    } catch (e) {
      if (!disposed) controls.showError(e instanceof Error ? e.message : String(e));
      return null;
    }
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

  async function configure(): Promise<void> {
    const previousGate = settings.gate;
    settings = controls.read();
    if (settings.gate !== previousGate) clearPerceptron();
    table.setGate(settings.gate);
    boundary.setTargets(gateTargets(settings.gate));
    describeGate();
    clearRun();
    session = null;
    controls.setRunState('idle', false);
    const r = await send(() =>
      worker.request({ type: 'configure', network: networkSpec(settings), train: trainConfig(settings), data: { kind: 'gate', gate: settings.gate } }),
    );
    if (!r || disposed) return;
    session = r.session;
    controls.setRunState('idle', true);
    showMlp();
    refresh();
  }

  async function reset(): Promise<void> {
    clearPerceptron();
    clearRun();
    const r = await send(() => worker.request({ type: 'reset' }));
    if (!r || disposed) return;
    session = r.session;
    controls.setRunState('idle', true);
    showMlp();
    refresh();
  }

  async function runPerceptron(): Promise<void> {
    const gate = settings.gate;
    const p = await send(() => worker.request({ type: 'perceptron', data: { kind: 'gate', gate }, ...PERCEPTRON }));
    if (!p || disposed || gate !== settings.gate) return;
    perceptron = p;
    table.setPerceptron(p.predictions);
    stats.setPerceptron(p);
    boundary.setPerceptron(p.weights);
    announce(
      p.converged
        ? `Perceptron converged on ${GATE_LABELS[gate]} after ${p.epochs} epochs.`
        : `Perceptron did not converge on ${GATE_LABELS[gate]} in ${p.epochs} epochs.`,
    );
  }

  function batchesPerSecond(): number {
    return SPEEDS[settings.speed].epochsPerSecond; // one batch per epoch (batch 4 of 4)
  }

  async function train(): Promise<void> {
    if (session === null) return;
    if (!perceptron) void runPerceptron();
    // A paused run continues to its target, at the speed chosen now (so not `resume`).
    const epochs = runState === 'paused' ? Math.max(1, targetEpoch - epochNow) : EPOCHS_PER_RUN;
    await send(() => worker.request({ type: 'start', epochs, batchesPerSecond: batchesPerSecond() }));
  }

  async function changeSpeed(): Promise<void> {
    settings = { ...settings, speed: controls.read().speed };
    if (runState !== 'running') return;
    const left = Math.max(1, targetEpoch - epochNow);
    await send(() => worker.request({ type: 'start', epochs: left, batchesPerSecond: batchesPerSecond() }));
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
    refreshing = true;
    const want = session;
    void Promise.all([
      worker.request({ type: 'predict', inputs: [{ kind: 'points', x: TABLE_POINTS, rows: 4 }, { kind: 'grid', grid: GRID }] }),
      worker.request({ type: 'evaluate' }),
    ])
      .then(([pred, evaluation]) => {
        if (disposed || want !== session || pred.session !== session) return;
        const [points, grid] = pred.outputs;
        if (points) table.setMlp(points);
        if (grid) boundary.setGrid(grid);
        accuracy = evaluation.accuracy;
        loss = evaluation.loss;
        showMlp();
        const epoch = Math.floor(evaluation.steps / batchesPerEpoch);
        if (accuracy === 1 && !reachedAll && epoch > 0) {
          reachedAll = true;
          announce(`MLP reached 100% accuracy on ${GATE_LABELS[settings.gate]} at epoch ${epoch}.`);
        }
      })
      .catch((e: unknown) => {
        if (!disposed) controls.showError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        refreshing = false;
        if (refreshAgain && !disposed) {
          refreshAgain = false;
          refresh();
        }
      });
  }

  function onProgress(p: ProgressEvent): void {
    if (p.session !== session) return;
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
    if (was === 'running' && p.state === 'finished') announce(`Training finished at epoch ${p.epoch}.`);
    refresh();
  }

  const offProgress = worker.onProgress(onProgress);
  const offConnection = worker.onConnection((e) => {
    if (e.kind === 'crashed') {
      session = null;
      controls.setRunState('idle', false);
    } else if (e.kind === 'ready' && e.restarted) {
      clearPerceptron();
      void configure();
    }
  });

  clearPerceptron();
  void configure();

  return () => {
    disposed = true;
    offProgress();
    offConnection();
    // Leave the worker idle for the next widget.
    void worker.request({ type: 'stop' }).catch(() => undefined);
    chart.destroy();
    boundary.destroy();
    root.remove();
  };
}
