// The two models' scorecards: the perceptron's verdict and weights, the MLP's
// accuracy, epoch and loss. Updated often, so not a live region: the widget
// announces milestones separately.

import type { PerceptronSummary } from '../../protocol.ts';
import type { RunState } from '../../protocol-runs.ts';
import { h } from '../../ui/dom.ts';

export interface MlpStats {
  architecture: string;
  state: RunState;
  epoch: number;
  targetEpoch: number;
  loss: number;
  accuracy: number | null;
  message: string;
}

export interface Stats {
  readonly element: HTMLElement;
  setPerceptron(p: PerceptronSummary | null): void;
  setMlp(s: MlpStats): void;
}

function stat(label: string, key: string): { row: HTMLElement; value: HTMLElement } {
  const value = h('dd', { 'data-stat': key }, '–');
  return { row: h('div', { class: 'stat' }, h('dt', {}, label), value), value };
}

const fmtWeight = (w: number): string => (Number.isInteger(w) ? String(w) : w.toFixed(3)).replace('-', '−');

const STATE_TEXT: Record<RunState, string> = {
  idle: 'ready',
  running: 'training',
  paused: 'paused',
  finished: 'finished',
  diverged: 'diverged',
};

export function createStats(): Stats {
  const pStatus = { value: h('p', { class: 'verdict', 'data-stat': 'perceptron-status' }, '–') };
  const pWeights = stat('Weights (w₀, w₁, w₂)', 'perceptron-weights');
  // errors[] counts misclassified examples per epoch, i.e. weight updates:
  // on XOR they never reach zero.
  const pErrors = stat('Updates in last epoch', 'perceptron-updates');
  const mAccuracy = stat('Accuracy', 'mlp-accuracy');
  const mEpoch = stat('Epoch', 'mlp-epoch');
  const mLoss = stat('Loss', 'mlp-loss');
  const mTitle = h('h3', {}, 'MLP');

  const element = h(
    'div',
    { class: 'stats' },
    h('section', { class: 'model perceptron' }, h('h3', {}, 'Perceptron'), pStatus.value, h('dl', {}, pWeights.row, pErrors.row)),
    h('section', { class: 'model mlp' }, mTitle, h('dl', {}, mAccuracy.row, mEpoch.row, mLoss.row)),
  );

  return {
    element,
    setPerceptron(p) {
      if (!p) {
        pStatus.value.textContent = 'not trained yet';
        pStatus.value.removeAttribute('data-verdict');
        pWeights.value.textContent = '–';
        pErrors.value.textContent = '–';
        return;
      }
      pStatus.value.textContent = p.converged
        ? `converged after ${p.epochs} epoch${p.epochs === 1 ? '' : 's'}`
        : `did not converge in ${p.epochs} epochs`;
      pStatus.value.dataset.verdict = p.converged ? 'good' : 'bad';
      pWeights.value.textContent = `(${Array.from(p.weights, fmtWeight).join(', ')})`;
      pErrors.value.textContent = String(p.errors[p.errors.length - 1] ?? 0);
    },
    setMlp(s) {
      mTitle.textContent = `MLP ${s.architecture}`;
      mAccuracy.value.textContent = s.accuracy === null ? '–' : `${Math.round(s.accuracy * 100)}%`;
      mAccuracy.value.dataset.verdict = s.accuracy === 1 ? 'good' : '';
      const state = s.state === 'diverged' ? `diverged: ${s.message}` : STATE_TEXT[s.state];
      mEpoch.value.textContent = s.epoch > 0 ? `${s.epoch} / ${s.targetEpoch} · ${state}` : `0 · ${state}`;
      mLoss.value.textContent = Number.isFinite(s.loss) ? s.loss.toFixed(4) : '–';
    },
  };
}
