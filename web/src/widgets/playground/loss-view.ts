// Training and test loss after every epoch, on the whole of each set (TF
// Playground's two curves), with the latest numbers above them: the data
// loss, without the L1/L2 penalty, so curves compare across penalties.

import { createSeriesChart } from '../../plots/series-chart.ts';
import { h } from '../../ui/dom.ts';
import { formatNumber } from '../kit/fields.ts';

export interface LossView {
  readonly element: HTMLElement;
  /** Forget the curves (a new network). */
  clear(): void;
  /** The losses after `epoch` (test NaN when there is no test set). */
  add(epoch: number, train: number, test: number): void;
  /** The latest numbers, and accuracy (NaN for regression). */
  setNow(train: number, test: number, trainAccuracy: number, testAccuracy: number): void;
  destroy(): void;
}

export function createLossView(): LossView {
  const number = (role: string): HTMLElement => h('span', { class: 'loss-number', 'data-role': role }, '—');
  const test = number('test-loss');
  const train = number('train-loss');
  const accuracy = h('span', { class: 'loss-accuracy', 'data-role': 'accuracy' });
  const host = h('div', { class: 'loss-host' });
  const element = h(
    'section',
    { class: 'card loss-card', 'aria-label': 'Loss' },
    h('h2', {}, 'Loss'),
    h('p', { class: 'loss-numbers' }, h('span', {}, 'Test ', test), h('span', {}, 'Training ', train), accuracy),
    host,
  );
  const chart = createSeriesChart(host, {
    label: 'Training and test loss after each epoch',
    xLabel: 'epoch',
    yLabel: 'loss',
    curves: [
      { label: 'training', color: '#8a94a3' },
      { label: 'test', color: '#b06ab3', dashed: true },
    ],
    height: 110,
  });
  let epochs: number[] = [];
  let trains: number[] = [];
  let tests: number[] = [];
  const draw = (): void => chart.setData([{ x: epochs, y: trains }, { x: epochs, y: tests }]);

  return {
    element,
    clear() {
      epochs = [];
      trains = [];
      tests = [];
      draw();
    },
    add(epoch, tr, te) {
      const last = epochs[epochs.length - 1];
      if (last !== undefined && epoch <= last) return;
      epochs.push(epoch);
      trains.push(tr);
      tests.push(te);
      draw();
    },
    setNow(tr, te, trAcc, teAcc) {
      train.textContent = formatNumber(tr);
      test.textContent = Number.isFinite(te) ? formatNumber(te) : '—';
      accuracy.textContent = Number.isFinite(trAcc)
        ? `Accuracy: training ${(trAcc * 100).toFixed(1)}%${Number.isFinite(teAcc) ? `, test ${(teAcc * 100).toFixed(1)}%` : ''}`
        : '';
    },
    destroy() {
      chart.destroy();
    },
  };
}
