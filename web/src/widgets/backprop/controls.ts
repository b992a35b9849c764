// The backprop lesson's controls: the network (hidden units, their
// activation, the output layer, η, fresh weights), the example (a row of XOR
// or the person's own x and t), and the steps — back, next, reset, and
// training many XOR examples at once. Fields follow the link (`show`).

import { GATE_INPUTS } from '../../protocol.ts';
import { h } from '../../ui/dom.ts';
import { fieldBinder, numberChoiceField, numberField, selectField } from '../kit/fields.ts';
import { gateTargets } from '../xor/gates.ts';
import { BACKPROP_STATE, HIDDEN_ACTS, type BackpropSettings } from './settings.ts';

export interface StepHandlers {
  onChange(c: Partial<BackpropSettings>): void;
  onBack(): void;
  onNext(): void;
  onReset(): void;
  onTrain(examples: number): void;
}

export interface Controls {
  readonly network: HTMLElement;
  readonly steps: HTMLElement;
  show(s: BackpropSettings, canBack: boolean): void;
}

const OUTPUT_CHOICES = { sig1: '1 sigmoid', sig2: '2 sigmoids', softmax: 'softmax' } as const;
type OutputChoice = keyof typeof OUTPUT_CHOICES;
const outputChoice = (s: BackpropSettings): OutputChoice => (s.out === 'softmax' ? 'softmax' : s.outputs === 2 ? 'sig2' : 'sig1');

const NEXT_TEXT = ['Forward: hidden →', 'Forward: output →', 'Error E →', 'Backward: output →', 'Backward: hidden →', 'Update →', 'Next example →'];
const ACT_LABELS = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } as const;

export function createControls(initial: BackpropSettings, o: StepHandlers): Controls {
  const t = BACKPROP_STATE;
  const fresh = { w: [], phase: 0, trained: 0, sel: -1 };
  const bind = fieldBinder<BackpropSettings>();
  const hidden = bind.bind(
    'hidden',
    numberChoiceField({ label: 'Hidden units', name: 'hidden', options: [2, 3].map((n) => ({ value: n, label: String(n) })), value: initial.hidden, onChange: (v) => o.onChange({ hidden: v, ...fresh }) }),
  );
  const act = bind.bind('act', selectField({ label: 'Hidden f', name: 'act', options: HIDDEN_ACTS.map((a) => ({ value: a, label: ACT_LABELS[a] })), value: initial.act, onChange: (v) => o.onChange({ act: v, phase: 0 }) }));
  const out = selectField({
    label: 'Output',
    name: 'output',
    options: (Object.keys(OUTPUT_CHOICES) as OutputChoice[]).map((k) => ({ value: k, label: OUTPUT_CHOICES[k] })),
    value: outputChoice(initial),
    onChange: (v) => o.onChange({ out: v === 'softmax' ? 'softmax' : 'sigmoid', outputs: v === 'sig1' ? 1 : 2, ...fresh }),
  });
  const lr = bind.bind('lr', numberField({ label: 'η', name: 'lr', value: initial.lr, min: t.lr.min, max: t.lr.max, onChange: (v) => o.onChange({ lr: v }) }));
  const reseed = h('button', { type: 'button', class: 'button small', 'data-action': 'new-weights', title: 'Draw new starting weights' }, 'New weights');
  let current = initial;
  reseed.addEventListener('click', () => o.onChange({ seed: (current.seed + 1) % (t.seed.max + 1), ...fresh }));

  const rows = GATE_INPUTS.map(([a, b], r) => ({ value: String(r), label: `XOR (${a}, ${b}) → ${gateTargets('xor')[r]}` }));
  const example = selectField({
    label: 'Example',
    name: 'example',
    options: [...rows, { value: 'custom', label: 'Your own x and t' }],
    value: initial.data === 'xor' ? String(initial.ex) : 'custom',
    onChange: (v) => o.onChange(v === 'custom' ? { data: 'custom', phase: 0 } : { data: 'xor', ex: Number(v), phase: 0 }),
  });
  const xField = (k: number) =>
    numberField({ label: `x${'₁₂'[k]}`, name: `x${k + 1}`, value: initial.x[k] ?? 0, min: -10, max: 10, onChange: (v) => o.onChange({ x: current.x.map((x, i) => (i === k ? v : x)), phase: 0 }) });
  const tField = (k: number) =>
    numberField({ label: `t${'₁₂'[k]}`, name: `t${k + 1}`, value: initial.t[k] ?? 0, min: 0, max: 1, onChange: (v) => o.onChange({ t: [0, 1].map((i) => (i === k ? v : (current.t[i] ?? 0))), phase: 0 }) });
  const xs = [xField(0), xField(1)];
  const ts = [tField(0), tField(1)];
  const own = h('div', { class: 'own-example' }, ...xs.map((f) => f.element), ...ts.map((f) => f.element));

  const button = (action: string, text: string, title: string, primary = false): HTMLButtonElement =>
    h('button', { type: 'button', class: primary ? 'button primary' : 'button', 'data-action': action, title }, text);
  const back = button('back', '← Back', 'The previous step (←)');
  const next = button('next', NEXT_TEXT[0] ?? '', 'The next step (→)', true);
  const reset = button('reset', 'Reset', 'The seed’s weights, the first example (r)');
  const train = [100, 1000].map((n) => {
    const b = button(`train-${n}`, `Train ${n}`, `${n} more examples of XOR, one step each`);
    b.addEventListener('click', () => o.onTrain(n));
    return b;
  });
  back.addEventListener('click', () => o.onBack());
  next.addEventListener('click', () => o.onNext());
  reset.addEventListener('click', () => o.onReset());
  const trainRow = h('div', { class: 'button-row train-row' }, ...train);

  return {
    network: h('div', { class: 'network-fields' }, hidden, act, out.element, lr, reseed, example.element, own),
    steps: h('div', { class: 'steps button-row' }, back, next, reset, trainRow),
    show(s, canBack) {
      current = s;
      bind.sync(s);
      out.set(outputChoice(s));
      example.set(s.data === 'xor' ? String(s.ex) : 'custom');
      own.hidden = s.data !== 'custom';
      xs.forEach((f, k) => f.set(s.x[k] ?? 0));
      ts.forEach((f, k) => f.set(s.t[k] ?? 0));
      const twoTargets = s.out !== 'softmax' && s.outputs === 2;
      const [, t2] = ts;
      if (t2) t2.element.hidden = !twoTargets;
      next.textContent = NEXT_TEXT[s.phase] ?? 'Next →';
      back.disabled = !canBack;
      trainRow.hidden = s.data !== 'xor';
    },
  };
}
