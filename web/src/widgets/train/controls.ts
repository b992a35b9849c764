// The settings form and the Train / Pause / Stop / Reset buttons. Real form
// controls with labels; every problem is shown at its field (aria-invalid +
// a described-by message), so it works from the keyboard and a screen reader.

import type { RunState } from '../../protocol.ts';
import { h, uid } from '../../ui/dom.ts';
import {
  DEFAULT_SETTINGS,
  HIDDEN_ACTIVATIONS,
  INITIALIZERS,
  LIMITS,
  OPTIMIZERS,
  checkSettings,
  optimizerFields,
  toRaw,
  type Checked,
  type FieldError,
  type FieldKey,
  type OptimizerField,
  type RawSettings,
  type TrainSettings,
} from './settings.ts';

export interface ControlHandlers {
  /** Any entry changed (typing included). */
  onInput(): void;
  onTrain(): void;
  onPause(): void;
  onStop(): void;
  onReset(): void;
  onPreset(): void;
}

export interface ButtonState {
  /** Data loaded and a model built: training can be asked for. */
  ready: boolean;
  state: RunState;
  /** Train would continue the current, already trained model rather than build a new one. */
  continues: boolean;
}

export interface Controls {
  readonly element: HTMLElement;
  read(): Checked;
  write(settings: TrainSettings): void;
  /** Shows these problems at their fields and clears every other field's. */
  showErrors(errors: readonly FieldError[]): void;
  /** Moves focus to the first field with a problem. */
  focusFirstError(): void;
  showFormError(message: string | null): void;
  setButtons(b: ButtonState): void;
}

interface FieldParts {
  input: HTMLInputElement | HTMLSelectElement;
  error: HTMLElement;
}

function textInput(name: string, mode: 'decimal' | 'numeric', label?: string): HTMLInputElement {
  return h('input', {
    name,
    type: 'text',
    inputmode: mode,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': label,
  });
}

function select(name: string, options: readonly { value: string; label: string }[], label?: string): HTMLSelectElement {
  const el = h('select', { name, 'aria-label': label });
  for (const o of options) el.append(h('option', { value: o.value }, o.label));
  return el;
}

function errorSlot(): HTMLElement {
  return h('p', { class: 'field-error', id: uid('train-err'), hidden: true });
}

/** A labelled field with its own error line (outside the label, so the field's name stays its label). */
function field(
  label: string,
  input: HTMLInputElement | HTMLSelectElement,
  hint?: string,
): { el: HTMLElement; parts: FieldParts } {
  const error = errorSlot();
  input.id = uid('train-field');
  input.setAttribute('aria-describedby', error.id);
  const el = h(
    'div',
    { class: 'field' },
    h(
      'span',
      { class: 'field-row' },
      h('label', { for: input.id }, label),
      hint ? h('span', { class: 'field-hint', 'aria-hidden': 'true' }, hint) : null,
    ),
    input,
    error,
  );
  return { el, parts: { input, error } };
}

export function createControls(handlers: ControlHandlers): Controls {
  // ---- network
  const layerList = h('ol', { class: 'layer-list', 'aria-label': 'Hidden layers' });
  const layersError = errorSlot();
  layerList.setAttribute('aria-describedby', layersError.id);
  const addLayer = h('button', { type: 'button', class: 'button small', 'data-action': 'add-layer' }, '+ Add layer');
  let layerRows: { row: HTMLElement; units: FieldParts; activation: HTMLSelectElement; remove: HTMLButtonElement }[] = [];

  const init = select('init', INITIALIZERS);
  const seed = textInput('seed', 'numeric');
  const initField = field('Initializer', init);
  const seedField = field('Seed', seed);

  // ---- optimizer
  const optimizer = select('optimizer', OPTIMIZERS);
  const rate = textInput('learningRate', 'decimal');
  const hyper: Record<OptimizerField, HTMLInputElement> = {
    momentum: textInput('momentum', 'decimal'),
    rho: textInput('rho', 'decimal'),
    beta1: textInput('beta1', 'decimal'),
    beta2: textInput('beta2', 'decimal'),
  };
  const optimizerField = field('Optimizer', optimizer);
  const rateField = field('Learning rate', rate);
  const hyperFields: Record<OptimizerField, ReturnType<typeof field>> = {
    momentum: field('Momentum', hyper.momentum, 'β'),
    rho: field('Decay rate', hyper.rho, 'ρ'),
    beta1: field('Beta 1', hyper.beta1, 'β₁'),
    beta2: field('Beta 2', hyper.beta2, 'β₂'),
  };

  // ---- training
  const batch = textInput('batchSize', 'numeric');
  const epochs = textInput('epochs', 'numeric');
  const augment = h('input', { type: 'checkbox', name: 'augment' });
  const batchField = field('Batch size', batch);
  const epochsField = field('Epochs', epochs);

  const preset = h('button', { type: 'button', class: 'button preset', 'data-action': 'preset' }, 'Géron ch. 10 preset');
  const train = h('button', { type: 'button', class: 'button primary', 'data-action': 'train' }, 'Train');
  const pause = h('button', { type: 'button', class: 'button', 'data-action': 'pause', disabled: true }, 'Pause');
  const stop = h('button', { type: 'button', class: 'button', 'data-action': 'stop', disabled: true }, 'Stop');
  const reset = h('button', { type: 'button', class: 'button', 'data-action': 'reset', disabled: true }, 'Reset');
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const noteId = uid('train-note');
  const note = h(
    'p',
    { class: 'hint', id: noteId },
    'Train continues from the current weights. Changing a setting other than epochs, or Reset, starts over ' +
      'from the seed (it sets the initial weights and the shuffling).',
  );

  const form = h(
    'form',
    { class: 'card controls', 'aria-label': 'Training settings', 'aria-describedby': noteId, novalidate: true },
    h('h2', {}, 'Settings'),
    preset,
    h('p', { class: 'hint preset-hint' }, '784-300-100-10 ReLU, truncated normal, SGD 0.01, batch 50, 40 epochs.'),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Hidden layers'),
      h(
        'div',
        { class: 'layers-head', 'aria-hidden': 'true' },
        h('span', {}, '#'),
        h('span', {}, 'Units'),
        h('span', {}, 'Activation'),
      ),
      layerList,
      layersError,
      h('div', { class: 'layers-foot' }, addLayer, h('span', { class: 'field-hint' }, 'Output: 10 units, softmax')),
      initField.el,
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Gradient descent'),
      h('div', { class: 'pair' }, optimizerField.el, rateField.el),
      h('div', { class: 'pair' }, hyperFields.momentum.el, hyperFields.rho.el, hyperFields.beta1.el, hyperFields.beta2.el),
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Training'),
      h('div', { class: 'pair' }, batchField.el, epochsField.el, seedField.el),
      h('label', { class: 'check' }, augment, h('span', {}, 'Augment (random shifts, rotations, scaling)')),
    ),
    h('div', { class: 'button-grid' }, train, pause, stop, reset),
    formError,
    note,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!train.disabled) handlers.onTrain();
  });

  function fieldParts(): Map<FieldKey, FieldParts> {
    const m = new Map<FieldKey, FieldParts>([
      ['learningRate', rateField.parts],
      ['momentum', hyperFields.momentum.parts],
      ['rho', hyperFields.rho.parts],
      ['beta1', hyperFields.beta1.parts],
      ['beta2', hyperFields.beta2.parts],
      ['batchSize', batchField.parts],
      ['epochs', epochsField.parts],
      ['seed', seedField.parts],
    ]);
    layerRows.forEach((r, i) => m.set(`units-${i}`, r.units));
    return m;
  }

  function showOptimizerFields(): void {
    const used = optimizerFields(optimizer.value as TrainSettings['optimizer']);
    for (const f of Object.keys(hyperFields) as OptimizerField[]) hyperFields[f].el.hidden = !used.includes(f);
  }

  function renderLayers(layers: RawSettings['layers']): void {
    layerRows = layers.map((l, i) => {
      const n = i + 1;
      const units = textInput(`units-${i}`, 'numeric', `Units in hidden layer ${n}`);
      units.value = l.units;
      const activation = select(`activation-${i}`, HIDDEN_ACTIVATIONS, `Activation of hidden layer ${n}`);
      activation.value = l.activation;
      const remove = h(
        'button',
        { type: 'button', class: 'icon-button remove', 'aria-label': `Remove hidden layer ${n}`, title: 'Remove layer' },
        '×',
      );
      const error = errorSlot();
      units.setAttribute('aria-describedby', error.id);
      const name = h('span', { class: 'layer-name', 'aria-hidden': 'true' }, String(n));
      const row = h('li', { class: 'layer-row' }, name, units, activation, remove, error);
      remove.addEventListener('click', () => {
        const current = rawLayers();
        current.splice(i, 1);
        renderLayers(current);
        // Keep the keyboard where it was: the next row's remove button, or Add.
        (layerRows[Math.min(i, layerRows.length - 1)]?.remove ?? addLayer).focus();
        handlers.onInput();
      });
      return { row, units: { input: units, error }, activation, remove };
    });
    layerList.replaceChildren(...layerRows.map((r) => r.row));
    const one = layerRows.length <= LIMITS.layers.min;
    for (const r of layerRows) r.remove.disabled = one;
    addLayer.disabled = layerRows.length >= LIMITS.layers.max;
  }

  addLayer.addEventListener('click', () => {
    const current = rawLayers();
    const last = current[current.length - 1];
    current.push({ units: last ? last.units : '64', activation: last ? last.activation : 'relu' });
    renderLayers(current);
    layerRows[layerRows.length - 1]?.units.input.focus();
    handlers.onInput();
  });

  const rawLayers = (): RawSettings['layers'] =>
    layerRows.map((r) => ({ units: r.units.input.value, activation: r.activation.value }));

  function raw(): RawSettings {
    return {
      layers: rawLayers(),
      optimizer: optimizer.value,
      learningRate: rate.value,
      momentum: hyper.momentum.value,
      rho: hyper.rho.value,
      beta1: hyper.beta1.value,
      beta2: hyper.beta2.value,
      batchSize: batch.value,
      epochs: epochs.value,
      init: init.value,
      seed: seed.value,
      augment: augment.checked,
    };
  }

  function write(s: TrainSettings): void {
    const r = toRaw(s);
    renderLayers(r.layers);
    optimizer.value = r.optimizer;
    rate.value = r.learningRate;
    hyper.momentum.value = r.momentum;
    hyper.rho.value = r.rho;
    hyper.beta1.value = r.beta1;
    hyper.beta2.value = r.beta2;
    batch.value = r.batchSize;
    epochs.value = r.epochs;
    init.value = r.init;
    seed.value = r.seed;
    augment.checked = r.augment;
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
  preset.addEventListener('click', () => handlers.onPreset());
  train.addEventListener('click', () => handlers.onTrain());
  pause.addEventListener('click', () => handlers.onPause());
  stop.addEventListener('click', () => handlers.onStop());
  reset.addEventListener('click', () => handlers.onReset());

  write(DEFAULT_SETTINGS);

  return {
    element: form,
    read: () => checkSettings(raw()),
    write,
    showErrors(errors) {
      const parts = fieldParts();
      for (const [key, p] of parts) setError(p, errors.find((e) => e.field === key)?.message ?? null);
      const layers = errors.find((e) => e.field === 'layers');
      layersError.hidden = !layers;
      layersError.textContent = layers?.message ?? '';
    },
    focusFirstError() {
      const bad = form.querySelector<HTMLElement>('[aria-invalid="true"]');
      bad?.focus();
    },
    showFormError(message) {
      formError.hidden = message === null;
      formError.textContent = message ?? '';
    },
    setButtons({ ready, state, continues }) {
      const running = state === 'running';
      const paused = state === 'paused';
      const hadFocus = document.activeElement;
      train.disabled = !ready || running;
      pause.disabled = !ready || !running;
      stop.disabled = !ready || !(running || paused);
      reset.disabled = !ready || running;
      train.textContent = continues ? (paused ? 'Resume' : 'Train more') : 'Train';
      // A disabled button drops focus: hand it to its twin.
      if (hadFocus === train && train.disabled) pause.focus();
      else if (hadFocus === pause && pause.disabled) train.focus();
      else if (hadFocus === stop && stop.disabled) train.focus();
    },
  };
}
