// "Universal approximation": Cybenko's G(x) = Σ α_j σ(w_j x + θ_j) fitted to
// a target on [0, 1] by the core's Adam in a worker job, animated — every
// unit's contribution, their sum, the target and the sup-norm error — or
// built by hand with sliders; the best error against N from a second job.

import './uat.css';
import type { UatCurvesResult } from '../../../generated/mlp-simd.mjs';
import type { TheoryJobState, TheoryUatEvent, TheoryUatSweepEvent } from '../../protocol-theory.ts';
import { h } from '../../ui/dom.ts';
import { num } from '../../ui/numbers.ts';
import { createErrorLine } from '../kit/error-line.ts';
import { theoryJob } from '../kit/theory-job.ts';
import { createTickets } from '../kit/tickets.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { createControls } from './controls.ts';
import { createErrorPlot } from './error-plot.ts';
import { createHandEditor } from './hand.ts';
import { createUatPlot } from './plot.ts';
import { FIT_KEYS, FIT_STEPS, KNOTS, KNOT_RANGE, POINTS, SWEEP_KEYS, UAT_STATE, fitConfig, handParameters, handUnits, sweepConfig, targetSpec, type UatSettings } from './settings.ts';

export const { mount } = defineWidget({
  route: 'uat',
  title: 'Universal approximation',
  lede: ['Cybenko (1989): enough sigmoids, G(x) = Σⱼ αⱼ σ(wⱼ x + θⱼ), get as close as you like to any continuous f.'],
  className: 'uat-widget',
  settings: UAT_STATE,
  setup,
});

function setup(kit: Kit<typeof UAT_STATE>) {
  let settings: UatSettings = kit.settings();
  let curves: UatCurvesResult | null = null;
  let fit: TheoryUatEvent | null = null;
  let sweep: TheoryUatSweepEvent | null = null;
  let state: TheoryJobState | 'opening' = 'opening';

  const error = createErrorLine();
  const fitJob = theoryJob<typeof UAT_STATE, TheoryUatEvent>(kit, 'theory-uat', onFit, error.fail);
  const sweepJob = theoryJob<typeof UAT_STATE, TheoryUatSweepEvent>(kit, 'theory-uat-sweep', onSweep, error.fail);
  const change = (c: Partial<UatSettings>): void => apply(kit.update(c));
  const plot = createUatPlot((knots) => change({ target: 'drawn', k: knots }));
  const errorPlot = createErrorPlot();
  const controls = createControls(settings, { onChange: change, onDrawOwn: drawOwn, onPlay: togglePlay, onStep: () => void fitJob.control('step'), onReset: () => void fitJob.control('reset') });
  const hand = createHandEditor({ onInput: (values) => void handCurves(values), onCommit: (values) => change({ hand: values }) });
  const readout = h('p', { class: 'readout', 'data-state': 'opening', role: 'status' });
  const legend = h('p', { class: 'legend' }, h('span', { class: 'key target' }, 'target f'), h('span', { class: 'key sum' }, 'G, the sum'), h('span', { class: 'key unit' }, 'each αⱼ σ(wⱼ x + θⱼ)'), h('span', { class: 'key sup' }, 'sup-norm error'));
  const figure = h('section', { class: 'card figure', 'aria-label': 'G against the target' }, legend, plot.element, readout);
  // The error against N under the figure, so four hand-built units still fit a slide beside them.
  kit.body.append(h('div', { class: 'uat-grid' }, h('div', { class: 'main' }, figure, errorPlot.element), h('div', { class: 'side' }, controls.element, error.element, hand.element)));

  function onFit(e: TheoryUatEvent): void {
    fit = e;
    state = e.state;
    if (settings.mode === 'fit') curves = e.curves;
    render();
  }
  function onSweep(e: TheoryUatSweepEvent): void {
    sweep = e;
    render();
  }

  async function openFit(): Promise<void> {
    fit = null;
    state = 'opening';
    render();
    if (await fitJob.open({ type: 'theory-uat-open', config: fitConfig(settings) })) error.clear();
  }
  function openSweep(): void {
    sweep = null;
    void sweepJob.open({ type: 'theory-uat-sweep', config: sweepConfig(settings) });
  }

  const asked = createTickets();
  async function handCurves(values: readonly number[] = settings.hand): Promise<void> {
    const mine = asked.take();
    const s = { ...settings, hand: values };
    const r = await kit.request({ type: 'theory-uat-curves', parameters: handParameters(s), units: handUnits(s), target: targetSpec(s), points: POINTS }, { onError: error.fail });
    if (!r || !asked.current(mine) || settings.mode !== 'hand') return;
    error.clear();
    curves = r;
    render();
  }

  /** "Your own curve" starts from the curve on show, read at the knots (every 4th plotted point). */
  function drawOwn(): void {
    const from = curves?.target;
    const knots = Array.from({ length: KNOTS }, (_, k) => Math.round(Math.max(-KNOT_RANGE, Math.min(KNOT_RANGE, from?.[4 * k] ?? 0)) * 100) / 100);
    change({ target: 'drawn', k: knots });
  }

  const running = (): boolean => state === 'running';
  async function togglePlay(): Promise<void> {
    if (settings.mode !== 'fit') return;
    const r = await fitJob.control(running() ? 'pause' : 'play');
    if (r) {
      state = r.state;
      render();
    }
  }

  function render(): void {
    const hand_ = settings.mode === 'hand';
    controls.show(settings, running(), state === 'idle' || state === 'paused');
    hand.element.hidden = !hand_;
    if (hand_) hand.show(settings.hand);
    const units = hand_ ? handUnits(settings) : settings.n;
    const knots = settings.target === 'drawn' ? (targetSpec(settings).knots ?? null) : null;
    plot.show({ curves, units, knots: knots ? Array.from(knots) : null });
    const current = hand_ ? (curves ? { units, error: curves.sup.error } : null) : fit ? { units, error: fit.best } : null;
    errorPlot.show(sweep, current, sweep?.state === 'finished');
    readout.dataset.state = hand_ ? 'hand' : state;
    if (hand_) readout.textContent = curves ? `${units} unit${units === 1 ? '' : 's'} by hand: ‖G − f‖∞ = ${num(curves.sup.error, 3)} at x = ${num(curves.sup.at, 3)}.` : 'Computing…';
    else if (!fit) readout.textContent = 'Starting the fit…';
    else {
      const where = fit.state === 'running' ? '' : fit.state === 'idle' ? ' — press Fit' : ` (${fit.state})`;
      readout.textContent = `Step ${fit.steps.toLocaleString('en')} of ${FIT_STEPS.toLocaleString('en')}${where}. MSE ${num(fit.loss, 3)}; ‖G − f‖∞ = ${num(fit.curves.sup.error, 3)} now, best ${num(fit.best, 3)} (step ${fit.bestStep.toLocaleString('en')}).${fit.message ? ` ${fit.message}` : ''}`;
    }
  }

  function apply(next: UatSettings): void {
    const before = settings;
    settings = next;
    const knotsChanged = next.k.join() !== before.k.join();
    const refit = FIT_KEYS.some((k) => next[k] !== before[k]) || knotsChanged;
    if (SWEEP_KEYS.some((k) => next[k] !== before[k]) || knotsChanged) openSweep();
    if (next.mode === 'hand') {
      if (before.mode !== 'hand') fitJob.close();
      if (refit || next.hand.join() !== before.hand.join()) void handCurves();
    } else if (refit) void openFit();
    render();
  }

  function start(): void {
    openSweep();
    if (settings.mode === 'hand') void handCurves();
    else void openFit();
  }

  render();
  start();

  return {
    apply,
    keys: { ' ': () => void togglePlay(), ArrowRight: () => void fitJob.control('step'), r: () => void fitJob.control('reset') },
    // For a slide around an embed, and so a hidden embed pauses its fit.
    player: {
      play: () => {
        if (!running()) void togglePlay();
      },
      pause: () => {
        if (running()) void togglePlay();
      },
      step: () => void fitJob.control('step'),
      reset: () => void fitJob.control('reset'),
      running,
    },
    reload: start,
  };
}
