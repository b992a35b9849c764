// The real-network tab's view: training and landscape progress, a row per
// run, loss against epochs and against each run's own time, and the
// landscape slice with the runs' projected paths. Built here, filled by
// network-tab.ts from the worker's events.

import { createContourMap } from '../../plots/contour-map.ts';
import { createSeriesChart } from '../../plots/series-chart.ts';
import type { NetRunKey } from '../../protocol-lab.ts';
import { h } from '../../ui/dom.ts';
import { REGIMES, REGIME_COLORS, REGIME_LABELS, REGIME_MARKERS } from './presets.ts';
import { card, labGrid, pngButton, type TabContext } from './tab.ts';

export function createNetworkView(ctx: TabContext, controls: HTMLElement) {
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
  /** Why runs stopped: the core's divergence message for each (NaN, or a loss or weights that exploded). */
  const divergedNote = h('p', { class: 'form-error', role: 'status', 'data-diverged-note': '', hidden: true });
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
    divergedNote,
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
    labGrid(ctx, controls, mapCard, charts, [{ label: 'Loss curves', content: [charts] }]),
  );

  return { element, trainBar, trainText, landBar, landText, runRows, byEpoch, byTime, map, errorBox, divergedNote };
}
