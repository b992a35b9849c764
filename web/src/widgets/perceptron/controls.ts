// The perceptron lesson's data controls: which data, the cloud's size,
// margin and seed, η, which class a click adds, and removing clicked points.
// Each field follows the link (`show`) and changes it (`onChange`).

import { h, uid } from '../../ui/dom.ts';
import { fieldBinder, linearValues, selectField, sliderField } from '../kit/fields.ts';
import { GATE_LABELS } from '../xor/gates.ts';
import { DATA, PERCEPTRON_STATE, RATES, type DataName, type PerceptronSettings } from './settings.ts';

export interface DataControls {
  readonly element: HTMLElement;
  show(s: PerceptronSettings): void;
  /** The class a click adds: 1 or 0. */
  addLabel(): number;
}

const DATA_LABELS: Record<DataName, string> = { ...GATE_LABELS, cloud: 'Separable cloud' };

export function createDataControls(initial: PerceptronSettings, onChange: (c: Partial<PerceptronSettings>) => void): DataControls {
  const t = PERCEPTRON_STATE;
  const bind = fieldBinder<PerceptronSettings>();
  const reset = { step: 0 };
  const data = bind.bind('data', selectField({ label: 'Data', name: 'data', options: DATA.map((d) => ({ value: d, label: DATA_LABELS[d] })), value: initial.data, onChange: (v) => onChange({ data: v, added: [], ...reset }) }));
  const lr = bind.bind('lr', selectField({ label: 'η (learning rate)', name: 'lr', options: RATES.map((r) => ({ value: r, label: r })), value: initial.lr, onChange: (v) => onChange({ lr: v, ...reset }) }));
  const n = bind.bind('n', sliderField({ label: 'Points', name: 'n', values: linearValues(t.n.min, t.n.max, 2), value: initial.n, format: String, onChange: (v) => onChange({ n: v, ...reset }) }));
  const margin = bind.bind('margin', sliderField({ label: 'Margin γ', name: 'margin', values: linearValues(0, 0.3, 0.01), value: initial.margin, onChange: (v) => onChange({ margin: v, ...reset }) }));
  const again = h('button', { type: 'button', class: 'button small', 'data-action': 'new-cloud' }, 'New cloud');
  again.addEventListener('click', () => onChange({ seed: (current.seed % t.seed.max) + 1, ...reset }));
  const cloud = h('div', { class: 'cloud-fields' }, n, margin, again);

  const name = uid('add-class');
  const radios = [1, 0].map((c) => h('input', { type: 'radio', name, value: c, checked: c === 1 }));
  const legend = h('span', { id: `${name}-label` }, 'A click adds');
  const addClass = h(
    'div',
    { class: 'add-class', role: 'radiogroup', 'aria-labelledby': legend.id },
    legend,
    ...radios.map((r, i) => h('label', {}, r, i === 0 ? '● class 1' : '■ class 0')),
  );
  const clear = h('button', { type: 'button', class: 'button small', 'data-action': 'clear-points' }, 'Clear added');
  clear.addEventListener('click', () => onChange({ added: [], ...reset }));

  let current = initial;
  const element = h('div', { class: 'data-controls' }, h('div', { class: 'row' }, data, lr), cloud, h('div', { class: 'row add-row' }, addClass, clear));
  const show = (s: PerceptronSettings): void => {
    current = s;
    bind.sync(s);
    cloud.hidden = s.data !== 'cloud';
    clear.disabled = s.added.length === 0;
  };
  show(initial);
  return {
    element,
    show,
    addLabel: () => (radios[0]?.checked ? 1 : 0),
  };
}
