// The settings form and the Train / Pause / Stop / Reset buttons. Real form
// controls with labels; every problem is shown at its field (aria-invalid +
// a described-by message), so it works from the keyboard and a screen reader.
// Under the buttons the form says what Train will do with the settings as
// they are: continue the network, or start a new one (and why).

import type { OptimizerName, Vocabulary } from '../../../generated/mlp-simd.mjs';
import type { RunState } from '../../protocol-runs.ts';
import { h, uid } from '../../ui/dom.ts';
import { INIT_LABELS, OPTIMIZER_LABELS, PARAM_LABELS, labelled } from '../../vocabulary.ts';
import { checkSettings, toRaw, type Checked, type FieldKey, type FieldProblem, type RawSettings } from './checks.ts';
import { createLayersEditor, errorSlot, select, textInput, type FieldParts } from './layers-editor.ts';
import { PARAM_KEYS, PRESETS, usedParams, type ParamKey, type PresetId, type TrainSettings, type TrainTable } from './settings.ts';

export interface ControlHandlers {
  /** Any entry changed (typing included). */
  onInput(): void;
  onTrain(): void;
  onPause(): void;
  onStop(): void;
  onReset(): void;
  onPreset(id: PresetId): void;
}

export interface ButtonState {
  /** Data loaded and a model built: training can be asked for. */
  ready: boolean;
  state: RunState;
  /** What the Train button says: a new network, more of this one, or the paused run as it was. */
  label: 'Train' | 'Train more' | 'Resume';
  /** What Train will do, in a sentence. */
  plan: string;
}

export interface Controls {
  readonly element: HTMLElement;
  read(current: TrainSettings): Checked;
  write(settings: TrainSettings): void;
  /** Shows these problems at their fields and clears every other field's. */
  showErrors(errors: readonly FieldProblem[]): void;
  /** Moves focus to the first field with a problem. */
  focusFirstError(): void;
  showFormError(message: string | null): void;
  setButtons(b: ButtonState): void;
}

/** A labelled field with its own error line (outside the label, so the field's name stays its label). */
function field(label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string): { el: HTMLElement; parts: FieldParts } {
  const error = errorSlot();
  input.id = uid('train-field');
  input.setAttribute('aria-describedby', error.id);
  const el = h(
    'div',
    { class: 'field' },
    h('span', { class: 'field-row' }, h('label', { for: input.id }, label), hint ? h('span', { class: 'field-hint', 'aria-hidden': 'true' }, hint) : null),
    input,
    error,
  );
  return { el, parts: { input, error } };
}

export function createControls(v: Vocabulary, table: TrainTable, handlers: ControlHandlers): Controls {
  const layers = createLayersEditor({
    activations: table.act.item.values,
    minLayers: table.units.minLength,
    maxLayers: table.units.maxLength,
    onInput: () => handlers.onInput(),
  });
  const init = select('init', labelled(table.init.values, INIT_LABELS));
  const initField = field('Initializer', init);
  const optimizer = select('optimizer', labelled(table.opt.values, OPTIMIZER_LABELS));
  const optimizerField = field('Optimizer', optimizer);
  const numbers = {
    lr: field('Learning rate', textInput('learningRate', 'decimal')),
    mom: field(PARAM_LABELS.momentum, textInput('momentum', 'decimal')),
    rho: field(PARAM_LABELS.rho, textInput('rho', 'decimal')),
    b1: field(PARAM_LABELS.beta1, textInput('beta1', 'decimal')),
    b2: field(PARAM_LABELS.beta2, textInput('beta2', 'decimal')),
    batch: field('Batch size', textInput('batchSize', 'numeric')),
    epochs: field('Epochs', textInput('epochs', 'numeric')),
    seed: field('Seed', textInput('seed', 'numeric')),
  };
  const augment = h('input', { type: 'checkbox', name: 'augment' });

  const presets = PRESETS.map((p) => {
    const b = h('button', { type: 'button', class: 'button preset', 'data-action': 'preset', 'data-preset': p.id, title: p.hint }, p.label);
    b.addEventListener('click', () => handlers.onPreset(p.id));
    return h('div', { class: 'preset-row' }, b, h('p', { class: 'hint preset-hint' }, p.hint));
  });
  const train = h('button', { type: 'button', class: 'button primary', 'data-action': 'train' }, 'Train');
  const pause = h('button', { type: 'button', class: 'button', 'data-action': 'pause', disabled: true }, 'Pause');
  const stop = h('button', { type: 'button', class: 'button', 'data-action': 'stop', disabled: true }, 'Stop');
  const reset = h('button', { type: 'button', class: 'button', 'data-action': 'reset', disabled: true }, 'Reset');
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const plan = h('p', { class: 'hint plan', id: uid('train-plan'), 'aria-live': 'polite', 'data-plan': '' });

  const form = h(
    'form',
    { class: 'card controls', 'aria-label': 'Training settings', 'aria-describedby': plan.id, novalidate: true },
    h('h2', {}, 'Settings'),
    ...presets,
    h('fieldset', { class: 'group' }, h('legend', {}, 'Hidden layers'), layers.element, initField.el),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Gradient descent'),
      h('div', { class: 'pair' }, optimizerField.el, numbers.lr.el),
      h('div', { class: 'pair' }, numbers.mom.el, numbers.rho.el, numbers.b1.el, numbers.b2.el),
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Training'),
      h('div', { class: 'pair' }, numbers.batch.el, numbers.epochs.el, numbers.seed.el),
      h('label', { class: 'check' }, augment, h('span', {}, 'Augment (random shifts, rotations, scaling)')),
    ),
    h('div', { class: 'button-grid' }, train, pause, stop, reset),
    formError,
    plan,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!train.disabled) handlers.onTrain();
  });

  const paramKeys = Object.values(PARAM_KEYS);
  function showOptimizerFields(): void {
    const used = new Set<ParamKey>(usedParams(v, optimizer.value as OptimizerName).map((p) => PARAM_KEYS[p]));
    for (const k of paramKeys) numbers[k].el.hidden = !used.has(k);
  }

  function fieldParts(): Map<FieldKey, FieldParts> {
    const m = new Map<FieldKey, FieldParts>(Object.entries(numbers).map(([k, f]) => [k as FieldKey, f.parts]));
    layers.unitFields().forEach((p, i) => m.set(`units-${i}`, p));
    return m;
  }

  function raw(): RawSettings {
    const text = (k: keyof typeof numbers): string => numbers[k].parts.input.value;
    return {
      layers: layers.read(),
      opt: optimizer.value,
      init: init.value,
      aug: augment.checked,
      numbers: { lr: text('lr'), mom: text('mom'), rho: text('rho'), b1: text('b1'), b2: text('b2'), batch: text('batch'), epochs: text('epochs'), seed: text('seed') },
    };
  }

  function write(s: TrainSettings): void {
    const r = toRaw(s);
    layers.write(r.layers);
    optimizer.value = r.opt;
    init.value = r.init;
    augment.checked = r.aug;
    for (const [k, f] of Object.entries(numbers)) f.parts.input.value = r.numbers[k as keyof RawSettings['numbers']];
    showOptimizerFields();
  }

  function setError(parts: FieldParts, message: string | null): void {
    parts.error.hidden = message === null;
    parts.error.textContent = message ?? '';
    if (message === null) parts.input.removeAttribute('aria-invalid');
    else parts.input.setAttribute('aria-invalid', 'true');
  }

  form.addEventListener('input', () => handlers.onInput());
  form.addEventListener('change', (e) => {
    if (e.target === optimizer) showOptimizerFields();
    handlers.onInput();
  });
  train.addEventListener('click', () => handlers.onTrain());
  pause.addEventListener('click', () => handlers.onPause());
  stop.addEventListener('click', () => handlers.onStop());
  reset.addEventListener('click', () => handlers.onReset());

  return {
    element: form,
    read: (current) => checkSettings(v, table, raw(), current),
    write,
    showErrors(errors) {
      for (const [key, p] of fieldParts()) setError(p, errors.find((e) => e.field === key)?.message ?? null);
      const layersProblem = errors.find((e) => e.field === 'layers');
      layers.error.hidden = !layersProblem;
      layers.error.textContent = layersProblem?.message ?? '';
    },
    focusFirstError() {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    },
    showFormError(message) {
      formError.hidden = message === null;
      formError.textContent = message ?? '';
    },
    setButtons(b) {
      const running = b.state === 'running';
      const paused = b.state === 'paused';
      const hadFocus = document.activeElement;
      train.disabled = !b.ready || running;
      pause.disabled = !b.ready || !running;
      stop.disabled = !b.ready || !(running || paused);
      reset.disabled = !b.ready || running;
      train.textContent = b.label;
      plan.textContent = b.plan;
      // A disabled button drops focus: hand it to its twin.
      if (hadFocus === train && train.disabled) pause.focus();
      else if (hadFocus === pause && pause.disabled) train.focus();
      else if (hadFocus === stop && stop.disabled) train.focus();
    },
  };
}
