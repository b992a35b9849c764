// The real-network tab's settings: data, network, optimizer, schedule and
// the landscape slice, each field following the link (`sync`) and changing it.

import { h } from '../../ui/dom.ts';
import { fieldBinder, linearValues, numberChoiceField, numberField, roundValues, selectField, sliderField } from '../kit/fields.ts';
import { OPTIMIZERS, OPTIMIZER_LABELS, REGIMES, REGIME_LABELS } from './presets.ts';
import { LAB_STATE, type LabState } from './state.ts';
import { card, type TabContext } from './tab.ts';

const ACTIVATIONS: readonly { value: LabState['net.act']; label: string }[] = [
  { value: 'tanh', label: 'tanh' },
  { value: 'relu', label: 'ReLU' },
  { value: 'elu', label: 'ELU' },
  { value: 'sigmoid', label: 'sigmoid' },
];

export function createNetworkControls(ctx: TabContext, state: LabState) {
  const P = LAB_STATE;
  const { bind: set, sync } = fieldBinder<LabState>();
  const trainButton = h('button', { type: 'button', class: 'button primary', 'data-action': 'train', title: 'Train the three runs again from the same initial weights (r)' }, 'Retrain');
  const pauseButton = h('button', { type: 'button', class: 'button', 'data-action': 'pause' }, 'Pause');
  const controls = card(
    'Network and data',
    'lab-controls',
    [],
    h(
      'div',
      { class: 'pair wide-first' },
      set('net.data', selectField({ label: 'Data', name: 'net.data', options: [{ value: 'moons', label: 'Two moons' }, { value: 'circles', label: 'Circles' }], value: state['net.data'], onChange: (v) => ctx.update({ 'net.data': v }) })),
      set('net.seed', numberField({ label: 'Seed', name: 'net.seed', value: state['net.seed'], min: 0, max: P['net.seed'].max, integer: true, onChange: (v) => ctx.update({ 'net.seed': v }) })),
    ),
    set('net.n', sliderField({ label: 'Examples', name: 'net.n', values: [50, 100, 200, 400, 500, 1000, 2000], value: state['net.n'], log: true, onChange: (v) => ctx.update({ 'net.n': v }) })),
    set('net.noise', sliderField({ label: 'Noise', name: 'net.noise', values: linearValues(0, 0.5, 0.05), value: state['net.noise'], onChange: (v) => ctx.update({ 'net.noise': v }) })),
    h(
      'div',
      { class: 'pair' },
      set('net.hidden', numberChoiceField({ label: 'Hidden units', name: 'net.hidden', options: [2, 4, 8, 16, 32, 64].map((v) => ({ value: v, label: `${v} + ${v}` })), value: state['net.hidden'], onChange: (v) => ctx.update({ 'net.hidden': v }) })),
      set('net.act', selectField({ label: 'Activation', name: 'net.act', options: ACTIVATIONS, value: state['net.act'], onChange: (v) => ctx.update({ 'net.act': v }) })),
    ),
    set('net.opt', selectField({ label: 'Optimizer (all three runs)', name: 'net.opt', options: OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] })), value: state['net.opt'], onChange: (v) => ctx.update({ 'net.opt': v }) })),
    set('net.lr', sliderField({ label: 'Learning rate η', name: 'net.lr', values: roundValues(1e-4, 5), value: state['net.lr'], log: true, onChange: (v) => ctx.update({ 'net.lr': v }) })),
    set('net.b', sliderField({ label: 'Mini-batch size', name: 'net.b', values: [2, 4, 8, 16, 32, 64, 128, 256], value: state['net.b'], log: true, onChange: (v) => ctx.update({ 'net.b': v }) })),
    set('net.epochs', sliderField({ label: 'Epochs', name: 'net.epochs', values: [5, 10, 20, 50, 100, 200, 300, 500], value: state['net.epochs'], log: true, onChange: (v) => ctx.update({ 'net.epochs': v }) })),
    h('div', { class: 'button-row' }, trainButton, pauseButton),
    h('h3', { class: 'sub-head' }, 'Landscape slice'),
    set('net.centre', selectField({ label: 'Centred on the weights of', name: 'net.centre', options: REGIMES.map((r) => ({ value: r, label: REGIME_LABELS[r] })), value: state['net.centre'], onChange: (v) => ctx.update({ 'net.centre': v }) })),
    h(
      'div',
      { class: 'pair' },
      set('net.span', numberChoiceField({ label: 'Span', name: 'net.span', options: [0.25, 0.5, 1, 2, 5].map((v) => ({ value: v, label: `±${v}` })), value: state['net.span'], onChange: (v) => ctx.update({ 'net.span': v }) })),
      set('net.res', numberChoiceField({ label: 'Resolution', name: 'net.res', options: [21, 41, 61, 81].map((v) => ({ value: v, label: `${v} × ${v}` })), value: state['net.res'], onChange: (v) => ctx.update({ 'net.res': v }) })),
    ),
  );

  return { element: controls, sync, trainButton, pauseButton };
}
