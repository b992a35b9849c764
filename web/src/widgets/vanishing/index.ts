// "Vanishing and exploding gradients": a deep MLP on a 2-D set, every layer
// read by the core's probe on a fixed batch — each layer's gradient per
// weight (bars, log scale; outlined at the start, filled now) and its
// activations (histograms, means, saturated shares) — at the initial weights
// and live as it trains in a worker job. Presets reproduce the classic pictures.

import './vanishing.css';
import type { LayerStatsResult } from '../../../generated/mlp-simd.mjs';
import type { TheoryJobState, TheoryVanishingEvent } from '../../protocol-theory.ts';
import { createLineChart } from '../../plots/line-chart.ts';
import { h } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { createErrorLine } from '../kit/error-line.ts';
import { theoryJob } from '../kit/theory-job.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { createGradientBars } from './bars.ts';
import { createControls } from './controls.ts';
import { createHistograms } from './histograms.ts';
import { NETWORK_KEYS, VANISHING_STATE, presetOf, vanishingConfig, type VanishingSettings } from './settings.ts';

export const { mount } = defineWidget({
  route: 'vanishing',
  title: 'Vanishing and exploding gradients',
  lede: ['A deep network read layer by layer by its own backward pass, at the start and as it trains.'],
  className: 'vanishing-widget',
  settings: VANISHING_STATE,
  setup,
});

function setup(kit: Kit<typeof VANISHING_STATE>) {
  let settings: VanishingSettings = kit.settings();
  let initial: LayerStatsResult | null = null;
  let now: LayerStatsResult | null = null;
  let state: TheoryJobState | 'opening' = 'opening';
  let steps = 0;
  let message = '';
  const lossX: number[] = [];
  const lossY: number[] = [];

  const error = createErrorLine();
  const job = theoryJob<typeof VANISHING_STATE, TheoryVanishingEvent>(kit, 'theory-vanishing', onEvent, error.fail);
  const change = (c: Partial<VanishingSettings>): void => apply(kit.update(c));
  const controls = createControls(settings, { onChange: change, onPlay: togglePlay, onStep: step, onReset: reset });
  const bars = createGradientBars();
  const histograms = createHistograms();
  const status = h('p', { class: 'status', 'data-status': 'opening', role: 'status' });
  const note = h('p', { class: 'preset-note', 'data-note': '' });
  const chartHost = h('div', { class: 'loss-chart' });
  const lossCard = h('details', { class: 'card loss-card' }, h('summary', {}, 'Training loss'), chartHost);

  const figure = h('section', { class: 'card figure', 'aria-label': 'The network layer by layer', 'data-state': 'loading' }, h('div', { class: 'figure-row' }, bars.element, histograms.element), h('div', { class: 'figure-foot' }, status, note));
  kit.body.append(
    h(
      'div',
      { class: 'vanishing-grid' },
      h('section', { class: 'card side', 'aria-label': 'Network and training' }, controls.presets, controls.network, controls.player, error.element),
      h('div', { class: 'main' }, figure, lossCard),
    ),
  );
  const chart = createLineChart(chartHost, { label: 'Loss of each training batch against steps', xLabel: 'step', yLabel: 'loss', series: [{ label: 'loss', colorVar: '--series-1' }], logY: true, height: 120 });

  function onEvent(e: TheoryVanishingEvent): void {
    if (e.initial) initial = e.initial;
    now = e.stats;
    state = e.state;
    steps = e.steps;
    message = e.message;
    e.losses.forEach((l, i) => {
      if (Number.isFinite(l) && l > 0) {
        lossX.push(e.firstStep + i + 1);
        lossY.push(l);
      }
    });
    if (e.losses.length > 0) chart.setData(lossX, lossY);
    figure.dataset.state = 'ready';
    render();
  }

  async function open(): Promise<void> {
    initial = null;
    now = null;
    state = 'opening';
    lossX.length = 0;
    lossY.length = 0;
    chart.setData(lossX, lossY);
    figure.dataset.state = 'loading';
    render();
    const r = await job.open({ type: 'theory-vanishing-open', config: vanishingConfig(settings) });
    if (r) error.clear();
  }

  const running = (): boolean => state === 'running';
  async function togglePlay(): Promise<void> {
    const r = await job.control(running() ? 'pause' : 'play');
    if (r) {
      state = r.state;
      render();
    }
  }
  function step(): void {
    void job.control('step');
  }
  function reset(): void {
    lossX.length = 0;
    lossY.length = 0;
    chart.setData(lossX, lossY);
    void job.control('reset');
  }

  function render(): void {
    const canPlay = state === 'idle' || state === 'paused';
    controls.show(settings, running(), canPlay);
    bars.show(initial, now);
    histograms.show(now ?? initial);
    const stats = now ?? initial;
    status.dataset.status = state;
    const what = state === 'opening' ? 'Building the network…' : state === 'idle' ? 'At the initial weights.' : `Step ${steps.toLocaleString('en')}${state === 'running' ? '' : ` (${state})`}.`;
    status.textContent = `${what}${stats ? ` Loss ${num(stats.loss, 3)} on the probe batch.` : ''}${message ? ` ${message}` : ''}`;
    note.textContent = presetOf(settings)?.note ?? 'Your own mix: compare the bars with a preset’s.';
  }

  function apply(next: VanishingSettings): void {
    const before = settings;
    settings = next;
    if (NETWORK_KEYS.some((k) => next[k] !== before[k])) void open();
    render();
  }

  render();
  void open();

  return {
    apply,
    keys: { ' ': () => void togglePlay(), ArrowRight: step, r: reset },
    // For a slide around an embed, and so a hidden embed pauses its training.
    player: {
      play: () => {
        if (!running()) void togglePlay();
      },
      pause: () => {
        if (running()) void togglePlay();
      },
      step,
      reset,
      running,
    },
    reload() {
      void open();
    },
    destroy() {
      chart.destroy();
    },
  };
}
