// The two live charts: the training loss per batch, smoothed with an
// exponential moving average (debiased, as TensorBoard does), and training and
// validation accuracy per epoch. The loss keeps at most MAX_POINTS points: when
// full, every other point goes and the stride doubles, so a 40-epoch run costs
// the page no more to draw than a short one.

import type { EpochSummary } from '../../protocol-runs.ts';
import { createLineChart } from '../../plots/line-chart.ts';
import { h } from '../../ui/dom.ts';

/** Weight of the past in the moving average (about the last 50 batches). */
export const EMA_BETA = 0.98;
const MAX_POINTS = 2000;

export interface Charts {
  readonly loss: HTMLElement;
  readonly accuracy: HTMLElement;
  /** Batch losses of steps firstStep+1, firstStep+2, ... */
  addLosses(losses: Float32Array, firstStep: number, batchesPerEpoch: number): void;
  addEpochs(epochs: readonly EpochSummary[]): void;
  clear(): void;
  destroy(): void;
}

/** A smoothed, decimated loss curve; x in epochs. */
class LossCurve {
  xs: number[] = [];
  ys: number[] = [];
  private ema = 0;
  private count = 0;
  private stride = 1;
  private lastStep = 0;

  add(losses: Float32Array, firstStep: number, batchesPerEpoch: number): boolean {
    let added = false;
    for (let k = 0; k < losses.length; k++) {
      const step = firstStep + k + 1;
      if (step <= this.lastStep) continue; // already seen
      this.lastStep = step;
      const loss = losses[k] ?? NaN;
      if (!Number.isFinite(loss)) continue;
      this.ema = EMA_BETA * this.ema + (1 - EMA_BETA) * loss;
      this.count += 1;
      if (step % this.stride !== 0) continue;
      this.xs.push(step / batchesPerEpoch);
      this.ys.push(this.ema / (1 - EMA_BETA ** this.count));
      added = true;
      if (this.xs.length > MAX_POINTS) {
        this.xs = this.xs.filter((_, i) => i % 2 === 1);
        this.ys = this.ys.filter((_, i) => i % 2 === 1);
        this.stride *= 2;
      }
    }
    return added;
  }
}

function legend(items: [string, string][]): HTMLElement {
  return h(
    'div',
    { class: 'chart-legend' },
    ...items.map(([label, colorVar]) =>
      h('span', { class: 'legend-key' }, h('span', { class: 'swatch', style: `border-color: var(${colorVar})` }), label),
    ),
  );
}

export function createCharts(): Charts {
  const lossHost = h('div', { class: 'chart-host' });
  const lossEmpty = h('p', { class: 'empty-note' }, 'The loss appears here as the network trains.');
  const accHost = h('div', { class: 'chart-host' });
  const accEmpty = h('p', { class: 'empty-note' }, 'Accuracy is measured at the end of each epoch.');
  const loss = h(
    'section',
    { class: 'card chart-card loss-card', 'aria-label': 'Training loss' },
    h('h2', {}, 'Training loss'),
    legend([['cross-entropy per batch, smoothed (EMA 0.98)', '--series-1']]),
    lossHost,
    lossEmpty,
  );
  const accuracy = h(
    'section',
    { class: 'card chart-card accuracy-card', 'aria-label': 'Accuracy per epoch' },
    h('h2', {}, 'Accuracy per epoch'),
    legend([
      ['training', '--series-1'],
      ['validation (held-out images)', '--series-2'],
    ]),
    accHost,
    accEmpty,
  );

  const lossChart = createLineChart(lossHost, {
    label: 'Training loss per batch, smoothed, against epochs (log scale)',
    xLabel: 'epoch',
    yLabel: 'loss',
    series: [{ label: 'loss', colorVar: '--series-1' }],
    logY: true,
    height: 180,
  });
  const accChart = createLineChart(accHost, {
    label: 'Training and validation accuracy after each epoch, in percent',
    xLabel: 'epoch',
    yLabel: 'accuracy %',
    series: [
      { label: 'training', colorVar: '--series-1', points: true },
      { label: 'validation', colorVar: '--series-2', points: true },
    ],
    height: 180,
  });

  let curve = new LossCurve();
  let epochs: number[] = [];
  let trainAcc: number[] = [];
  let valAcc: number[] = [];

  return {
    loss,
    accuracy,
    addLosses(losses, firstStep, batchesPerEpoch) {
      if (!curve.add(losses, firstStep, Math.max(1, batchesPerEpoch))) return;
      lossChart.setData(curve.xs.slice(), curve.ys.slice());
      lossEmpty.hidden = true;
    },
    addEpochs(list) {
      if (list.length === 0) return;
      for (const e of list) {
        const at = epochs.indexOf(e.epoch);
        if (at >= 0) continue;
        epochs.push(e.epoch);
        trainAcc.push(e.accuracy * 100);
        valAcc.push(e.validationAccuracy * 100);
      }
      // uPlot takes the arrays as they are: hand it copies it may keep.
      accChart.setData(epochs.slice(), trainAcc.slice(), valAcc.slice());
      accEmpty.hidden = true;
    },
    clear() {
      curve = new LossCurve();
      epochs = [];
      trainAcc = [];
      valAcc = [];
      lossChart.setData([], []);
      accChart.setData([], [], []);
      lossEmpty.hidden = false;
      accEmpty.hidden = false;
    },
    destroy() {
      lossChart.destroy();
      accChart.destroy();
    },
  };
}
