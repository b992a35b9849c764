// The race's legend, one row per optimizer: a switch, its own
// hyper-parameters, and — following the animation — its step count, current
// loss and the core's distance to the nearest minimum ("—" on the saddle,
// which has none), or "diverged" where the core stopped the walk.

import type { OptimizerName } from '../../../generated/mlp-simd.mjs';
import { h, uid } from '../../ui/dom.ts';
import { formatNumber } from '../kit/fields.ts';
import { OPTIMIZERS, OPTIMIZER_COLORS, OPTIMIZER_LABELS, OPTIMIZER_MARKERS } from './presets.ts';
import { LAB_STATE, type LabKey, type LabState } from './state.ts';

export interface RaceStat {
  key: OptimizerName;
  step: number;
  loss: number;
  /** NaN when the surface has no minimum. */
  distance: number;
  /** The walk diverged and the animation has reached its end. */
  diverged: boolean;
}

export interface RaceLegend {
  readonly element: HTMLElement;
  sync(state: LabState): void;
  show(stats: readonly RaceStat[]): void;
}

type NumberKey = { [K in LabKey]: LabState[K] extends number ? K : never }[LabKey];

/** Each optimizer's hyper-parameters besides η, as (symbol, setting). */
const EXTRA: Readonly<Record<OptimizerName, readonly (readonly [string, NumberKey, string])[]>> = {
  sgd: [],
  momentum: [['μ', 'mom.momentum', 'momentum']],
  nesterov: [['μ', 'mom.nesterov', 'momentum']],
  adagrad: [],
  rmsprop: [['ρ', 'rho.rmsprop', 'decay of the squared-gradient average']],
  adam: [
    ['β₁', 'b1.adam', 'decay of the gradient average'],
    ['β₂', 'b2.adam', 'decay of the squared-gradient average'],
  ],
};

export function createRaceLegend(initial: LabState, update: (changes: Partial<LabState>) => void): RaceLegend {
  const syncs: ((s: LabState) => void)[] = [];
  const stats = new Map<OptimizerName, { row: HTMLElement; step: HTMLElement; loss: HTMLElement; distance: HTMLElement }>();

  function param(symbol: string, key: NumberKey, title: string, name: string): HTMLElement {
    const prop = LAB_STATE[key];
    const input = h('input', { type: 'number', name: key, min: prop.min, max: prop.max, step: 'any', inputmode: 'decimal', 'aria-label': `${name} ${title}` });
    syncs.push((s) => {
      input.value = String(s[key]);
      input.removeAttribute('aria-invalid');
    });
    input.addEventListener('change', () => {
      const v = input.value.trim() === '' ? NaN : Number(input.value);
      if (!(Number.isFinite(v) && v >= prop.min && v <= prop.max)) {
        input.setAttribute('aria-invalid', 'true');
        input.title = `A number from ${prop.min} to ${prop.max}`;
        return;
      }
      input.removeAttribute('aria-invalid');
      const change: Partial<LabState> = {};
      change[key] = v;
      update(change);
    });
    return h('label', { class: 'param', title }, h('span', { 'aria-hidden': 'true' }, symbol), input);
  }

  const list = h('ul', { class: 'race-legend' });
  for (const o of OPTIMIZERS) {
    const id = uid(`opt-${o}`);
    const on = h('input', { type: 'checkbox', id, name: `on.${o}` });
    syncs.push((s) => {
      on.checked = s[`on.${o}`];
      row.dataset.off = String(!s[`on.${o}`]);
    });
    on.addEventListener('change', () => {
      const change: Partial<LabState> = {};
      change[`on.${o}`] = on.checked;
      update(change);
    });
    const step = h('span', { 'data-stat': 'step' });
    const loss = h('span', { 'data-stat': 'loss' });
    const distance = h('span', { 'data-stat': 'distance' });
    const row = h(
      'li',
      { class: 'race-row', 'data-optimizer': o },
      h(
        'div',
        { class: 'race-head' },
        on,
        h(
          'label',
          { for: id, class: 'race-name' },
          h('span', { class: `swatch-marker marker-${OPTIMIZER_MARKERS[o]}`, style: `--c:${OPTIMIZER_COLORS[o]}`, 'aria-hidden': 'true' }),
          OPTIMIZER_LABELS[o],
        ),
        h(
          'span',
          { class: 'race-params' },
          param('η', `lr.${o}`, 'learning rate', OPTIMIZER_LABELS[o]),
          ...EXTRA[o].map(([symbol, key, title]) => param(symbol, key, title, OPTIMIZER_LABELS[o])),
        ),
      ),
      h('div', { class: 'race-stats' }, step, loss, distance),
    );
    stats.set(o, { row, step, loss, distance });
    list.append(row);
  }
  for (const sync of syncs) sync(initial);

  return {
    element: list,
    sync(state) {
      for (const sync of syncs) sync(state);
    },
    show(rows) {
      for (const r of rows) {
        const el = stats.get(r.key);
        if (!el) continue;
        el.row.dataset.diverged = String(r.diverged);
        el.step.textContent = `${r.step} steps`;
        el.loss.textContent = r.diverged ? 'diverged' : `loss ${formatNumber(r.loss)}`;
        el.distance.textContent = `to min ${Number.isNaN(r.distance) ? '—' : formatNumber(r.distance)}`;
      }
    },
  };
}
