// The data set's download and the run's progress: a bar, the epoch and batch
// counters, speed and time left. Updated about ten times a second, so not a
// live region (the widget announces milestones itself); the numbers carry
// data-stat attributes for tests and are plain text for everyone else.

import type { DataInfo } from '../../protocol.ts';
import type { RunState } from '../../protocol-runs.ts';
import { h } from '../../ui/dom.ts';

export type DataStatus =
  | { kind: 'loading'; stage: 'download' | 'parse'; loaded: number; total: number }
  | { kind: 'ready'; info: DataInfo }
  | { kind: 'error'; message: string };

export interface RunView {
  state: RunState;
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  targetEpoch: number;
  /** Optimizer steps so far. */
  steps: number;
  examplesPerSecond: number;
  secondsLeft: number;
  validationAccuracy: number;
  /** Why training stopped, when it diverged. */
  message: string;
  /** Epochs the weights had before this run (a restored or imported model). */
  baseEpochs: number;
}

export interface ProgressView {
  readonly element: HTMLElement;
  setData(status: DataStatus): void;
  setRun(run: RunView | null): void;
}

const STATE_TEXT: Record<RunState, string> = {
  idle: 'ready',
  running: 'training',
  paused: 'paused',
  finished: 'finished',
  diverged: 'diverged',
};

const MB = 1024 * 1024;
const int = (n: number): string => Math.round(n).toLocaleString('en');

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const hours = Math.floor(m / 60);
  if (hours > 0) return `${hours} h ${String(m % 60).padStart(2, '0')} min`;
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

function stat(label: string, key: string): { el: HTMLElement; value: HTMLElement } {
  const value = h('dd', { 'data-stat': key }, '–');
  return { el: h('div', { class: 'tile' }, h('dt', {}, label), value), value };
}

export function createProgress(onRetry: () => void): ProgressView {
  const dataBar = h('progress', { class: 'data-bar', max: 1, 'aria-label': 'MNIST download' });
  const dataText = h('span', { 'data-stat': 'data' }, 'Loading MNIST…');
  const retry = h('button', { type: 'button', class: 'button small', hidden: true }, 'Try again');
  retry.addEventListener('click', onRetry);
  const dataLine = h('div', { class: 'data-line', 'data-state': 'loading' }, dataBar, dataText, retry);

  const bar = h('progress', { class: 'run-bar', max: 1, value: 0, 'aria-label': 'Training progress' });
  const barText = h('span', { class: 'run-bar-text', 'data-stat': 'run' }, 'Not trained yet');
  const epoch = stat('Epoch', 'epoch');
  const batch = stat('Batch', 'batch');
  const speed = stat('Examples / s', 'speed');
  const left = stat('Time left', 'eta');
  const validation = stat('Validation acc.', 'val-accuracy');
  // After Stop the worker forgets the run's target; the bar keeps showing against it.
  let lastTarget = 0;
  const element = h(
    'section',
    { class: 'card progress-card', 'aria-label': 'Data and training progress' },
    h('h2', {}, 'Training'),
    dataLine,
    h('div', { class: 'run-line' }, bar, barText),
    h('dl', { class: 'tiles' }, epoch.el, batch.el, speed.el, left.el, validation.el),
  );

  return {
    element,
    setData(status) {
      dataLine.dataset.state = status.kind;
      retry.hidden = status.kind !== 'error';
      switch (status.kind) {
        case 'loading':
          if (status.stage === 'parse') {
            dataBar.removeAttribute('value'); // indeterminate while the core parses
            dataText.textContent = 'Reading MNIST (checking the IDX files)…';
          } else if (status.total > 0) {
            dataBar.value = status.loaded / status.total;
            const mb = (n: number): string => (n / MB).toFixed(1);
            dataText.textContent = `Downloading MNIST… ${mb(status.loaded)} of ${mb(status.total)} MB`;
          } else {
            dataBar.removeAttribute('value');
            dataText.textContent = `Downloading MNIST… ${(status.loaded / MB).toFixed(1)} MB`;
          }
          dataBar.hidden = false;
          return;
        case 'ready':
          dataBar.hidden = true;
          dataText.textContent =
            `MNIST: ${int(status.info.train)} training, ${int(status.info.validation)} validation, ` +
            `${int(status.info.test)} test images`;
          return;
        case 'error':
          dataBar.hidden = true;
          dataText.textContent = `MNIST could not be loaded: ${status.message}`;
          return;
      }
    },
    setRun(run) {
      if (!run) {
        lastTarget = 0;
        bar.value = 0;
        barText.textContent = 'Not trained yet';
        for (const s of [epoch, batch, speed, left, validation]) s.value.textContent = '–';
        element.dataset.state = 'idle';
        element.dataset.steps = '0';
        return;
      }
      const per = Math.max(1, run.batchesPerEpoch);
      const base = run.baseEpochs;
      const done = base + run.epoch + run.batch / per;
      const stopped = run.state === 'idle' && run.steps > 0;
      if (run.state !== 'idle') lastTarget = base + run.targetEpoch;
      const target = stopped ? lastTarget : run.targetEpoch > 0 ? base + run.targetEpoch : 0;
      bar.value = target > 0 ? Math.min(1, done / target) : 0;
      element.dataset.state = run.state;
      element.dataset.steps = String(run.steps);
      const state = stopped ? 'stopped' : STATE_TEXT[run.state];
      const where = target > done ? `${done.toFixed(2)} of ${target} epochs` : `${done.toFixed(2)} epochs`;
      if (run.state === 'diverged') barText.textContent = `Diverged: ${run.message}`;
      else if (run.steps > 0) barText.textContent = `${where} · ${state}`;
      else barText.textContent = base > 0 ? `Trained ${base.toFixed(2)} epochs · ready to train more` : state;
      const epochNow = Math.floor(base) + run.epoch;
      epoch.value.textContent = target > 0 ? `${epochNow} / ${Math.ceil(target)}` : String(epochNow);
      // Between epochs the next batch is the first of the next one; the epoch that just ended was full.
      const shownBatch = run.batch === 0 && run.epoch > 0 && run.state !== 'running' ? per : run.batch;
      batch.value.textContent = `${int(shownBatch)} / ${int(per)}`;
      const rate = run.examplesPerSecond;
      speed.value.textContent = Number.isFinite(rate) && rate > 0 ? int(rate) : '–';
      left.value.textContent = run.state === 'running' ? formatDuration(run.secondsLeft) : '–';
      const v = run.validationAccuracy;
      validation.value.textContent = Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : '–';
    },
  };
}
