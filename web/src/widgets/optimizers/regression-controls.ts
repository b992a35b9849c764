// The regression tab's settings: the data (m, noise, seed), the learning rate,
// batch size, epochs, Géron's schedule and the start point, each field
// following the link (`sync`) and changing it.

import { h } from '../../ui/dom.ts';
import { checkField, fieldBinder, linearValues, numberField, roundValues, sliderField } from '../kit/fields.ts';
import { LAB_STATE, type LabState } from './state.ts';
import { card, type TabContext } from './tab.ts';

export function createRegressionControls(ctx: TabContext, state: LabState) {
  const P = LAB_STATE;
  const { bind: set, sync } = fieldBinder<LabState>();
  const scheduleBox = h('div', { class: 'sub-fields' });
  const controls = card(
    'Data and training',
    'lab-controls',
    [],
    set('gd.m', sliderField({ label: 'Examples m', name: 'gd.m', values: [10, 20, 50, 100, 200, 500], value: state['gd.m'], log: true, onChange: (v) => ctx.update({ 'gd.m': v }) })),
    set('gd.noise', sliderField({ label: 'Noise σ', name: 'gd.noise', values: linearValues(0, 5, 0.25), value: state['gd.noise'], onChange: (v) => ctx.update({ 'gd.noise': v }) })),
    set('gd.seed', numberField({ label: 'Seed', name: 'gd.seed', value: state['gd.seed'], min: 0, max: P['gd.seed'].max, integer: true, onChange: (v) => ctx.update({ 'gd.seed': v }) })),
    set('gd.lr', sliderField({ label: 'Learning rate η', name: 'gd.lr', values: roundValues(P['gd.lr'].min, P['gd.lr'].max), value: state['gd.lr'], log: true, onChange: (v) => ctx.update({ 'gd.lr': v }) })),
    set('gd.b', sliderField({ label: 'Mini-batch size b', name: 'gd.b', values: [2, 5, 10, 20, 25, 50, 100, 200, 250], value: state['gd.b'], log: true, onChange: (v) => ctx.update({ 'gd.b': v }) })),
    set('gd.epochs', sliderField({ label: 'Epochs', name: 'gd.epochs', values: [1, 2, 5, 10, 20, 30, 50, 100, 150, 200], value: state['gd.epochs'], log: true, onChange: (v) => ctx.update({ 'gd.epochs': v }) })),
    set('gd.schedule', checkField({ label: 'Learning schedule η = t₀ / (t + t₁)', name: 'gd.schedule', value: state['gd.schedule'], onChange: (v) => ctx.update({ 'gd.schedule': v }) })),
    scheduleBox,
    h(
      'div',
      { class: 'pair' },
      set('gd.x', numberField({ label: 'Start θ₀', name: 'gd.x', value: state['gd.x'], min: P['gd.x'].min, max: P['gd.x'].max, onChange: (v) => ctx.update({ 'gd.x': v }) })),
      set('gd.y', numberField({ label: 'Start θ₁', name: 'gd.y', value: state['gd.y'], min: P['gd.y'].min, max: P['gd.y'].max, onChange: (v) => ctx.update({ 'gd.y': v }) })),
    ),
    h('p', { class: 'hint' }, 'Drag the start point on the plot, or focus the plot and use the arrow keys.'),
  );
  scheduleBox.append(
    h(
      'div',
      { class: 'pair' },
      set('gd.t0', numberField({ label: 't₀', name: 'gd.t0', value: state['gd.t0'], min: P['gd.t0'].min, max: P['gd.t0'].max, onChange: (v) => ctx.update({ 'gd.t0': v }) })),
      set('gd.t1', numberField({ label: 't₁', name: 'gd.t1', value: state['gd.t1'], min: P['gd.t1'].min, max: P['gd.t1'].max, onChange: (v) => ctx.update({ 'gd.t1': v }) })),
    ),
  );

  return { element: controls, scheduleBox, sync };
}
