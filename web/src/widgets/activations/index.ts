// "Activation functions": step, sigmoid, tanh, ReLU, leaky ReLU and ELU with
// their derivatives, every number sampled by the core's own layer kernels
// (one `theory-activations` request), the saturated stretches shaded, one
// cursor across all six (hover, drag, tap, or ←/→) and the seed's remarks
// written with the numbers under it.

import './activations.css';
import type { ActivationCurveResult } from '../../../generated/mlp-simd.mjs';
import { h } from '../../ui/dom.ts';
import { createErrorLine } from '../kit/error-line.ts';
import { checkField, fieldBinder, linearValues, roundValues, selectField, sliderField } from '../kit/fields.ts';
import { createTickets } from '../kit/tickets.ts';
import { defineWidget, type Kit } from '../kit/widget.ts';
import { createCurvePlot } from './plot.ts';
import { ACTIVATIONS_STATE, FUNCTIONS, SPANS, cursorOf, samplesOf, spanOf, type ActivationsSettings } from './settings.ts';

export const { mount } = defineWidget({
  route: 'activations',
  title: 'Activation functions and their derivatives',
  lede: ['f (solid) and f′ (dashed) from the core’s layers, shaded where |f′| is small. Hover, tap or ←/→ to read a z.'],
  className: 'activations-widget',
  settings: ACTIVATIONS_STATE,
  setup,
});

function setup(kit: Kit<typeof ACTIVATIONS_STATE>) {
  let settings: ActivationsSettings = kit.settings();
  let curves: ActivationCurveResult[] | null = null;
  const t = ACTIVATIONS_STATE;
  const change = (c: Partial<ActivationsSettings>): void => apply(kit.update(c));
  const moveTo = (z: number): void => {
    const span = spanOf(settings);
    const step = 1 / 40;
    // On the sampled grid, written without float noise (−2.475, not −2.4750000000000001).
    change({ z: Number(Math.max(-span, Math.min(span, Math.round(z / step) * step)).toFixed(3)) });
  };

  const plots = FUNCTIONS.map((info) => createCurvePlot(info, moveTo));
  const bind = fieldBinder<ActivationsSettings>();
  const cursor = sliderField({ label: 'z', name: 'z', values: linearValues(-10, 10, 0.05), value: settings.z, hint: 'The z every plot reads (← / →)', onChange: (v) => moveTo(v) });
  const controls = h(
    'div',
    { class: 'toolbar' },
    cursor.element,
    bind.bind('span', selectField({ label: 'z from −s to s', name: 'span', options: SPANS.map((v) => ({ value: v, label: `s = ${v}` })), value: settings.span, onChange: (v) => change({ span: v }) })),
    bind.bind('la', sliderField({ label: 'Leaky α', name: 'la', values: roundValues(t.la.min, t.la.max), value: settings.la, log: true, onChange: (v) => change({ la: v }) })),
    bind.bind('ea', sliderField({ label: 'ELU α', name: 'ea', values: linearValues(t.ea.min, t.ea.max, 0.1), value: settings.ea, onChange: (v) => change({ ea: v }) })),
    bind.bind('sat', sliderField({ label: 'Shade |f′| <', name: 'sat', values: roundValues(t.sat.min, t.sat.max), value: settings.sat, log: true, onChange: (v) => change({ sat: v }) })),
    bind.bind('d', checkField({ label: 'Show f′', name: 'derivative', value: settings.d, onChange: (v) => change({ d: v }) })),
  );
  const error = createErrorLine();
  const grid = h('div', { class: 'curve-grid', 'data-state': 'loading' }, ...plots.map((p) => p.element));
  kit.body.append(h('div', { class: 'activations-layout' }, controls, error.element, grid));

  const asked = createTickets();
  async function compute(): Promise<void> {
    const mine = asked.take();
    const span = spanOf(settings);
    const r = await kit.request(
      {
        type: 'theory-activations',
        functions: FUNCTIONS.map((f) => ({ name: f.name, alpha: f.alpha(settings) })),
        z0: -span,
        z1: span,
        samples: samplesOf(settings),
        saturation: settings.sat,
      },
      { onError: error.fail },
    );
    if (!r || !asked.current(mine)) return;
    error.clear();
    curves = r.curves;
    grid.dataset.state = 'ready';
    render();
  }

  function render(): void {
    const span = spanOf(settings);
    const index = Math.round(((cursorOf(settings) + span) / (2 * span)) * (samplesOf(settings) - 1));
    plots.forEach((p, k) => p.show(curves?.[k] ?? null, index, settings.d, FUNCTIONS[k]?.alpha(settings) ?? 0));
    cursor.set(settings.z);
    bind.sync(settings);
  }

  function apply(next: ActivationsSettings): void {
    const before = settings;
    settings = next;
    if ((['span', 'la', 'ea', 'sat'] as const).some((k) => next[k] !== before[k])) void compute();
    render();
  }

  render();
  void compute();
  const nudge = (dz: number) => () => moveTo(cursorOf(settings) + dz);
  return {
    apply,
    keys: { ArrowLeft: nudge(-0.1), ArrowRight: nudge(0.1), Home: nudge(-Infinity), End: nudge(Infinity) },
    reload() {
      void compute();
    },
  };
}
