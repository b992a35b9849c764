// The settings form and the Train / Pause / Reset buttons. Real form controls
// with labels, so everything works from the keyboard and a screen reader.

import type { ActivationName } from '../../../generated/mlp-simd.mjs';
import { GATES, type GateName, type RunState } from '../../protocol.ts';
import { h, uid } from '../../ui/dom.ts';
import { GATE_LABELS } from './gates.ts';
import {
  DEFAULT_SETTINGS,
  HIDDEN_ACTIVATIONS,
  HIDDEN_RANGE,
  SPEEDS,
  type Speed,
  type XorSettings,
} from './settings.ts';

export interface ControlHandlers {
  /** A setting that changes the network (gate, size, activation, rate). */
  onModelChange(): void;
  onSpeedChange(): void;
  onTrain(): void;
  onPause(): void;
  onReset(): void;
}

export interface Controls {
  readonly element: HTMLElement;
  read(): XorSettings;
  setRunState(state: RunState, ready: boolean): void;
  showError(message: string | null): void;
}

function field(label: string, control: HTMLElement, extra?: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-row' }, h('span', {}, label), extra), control);
}

function select<T extends string>(name: string, options: readonly { value: T; label: string }[], value: T): HTMLSelectElement {
  const el = h('select', { name });
  for (const o of options) el.append(h('option', { value: o.value, selected: o.value === value }, o.label));
  return el;
}

const isGate = (v: string): v is GateName => (GATES as readonly string[]).includes(v);
const isSpeed = (v: string): v is Speed => v in SPEEDS;
const isActivation = (v: string): v is ActivationName => HIDDEN_ACTIVATIONS.some((a) => a.value === v);

export function createControls(handlers: ControlHandlers): Controls {
  const d = DEFAULT_SETTINGS;
  const gate = select('gate', GATES.map((g) => ({ value: g, label: GATE_LABELS[g] })), d.gate);
  const hidden = h('input', {
    name: 'hidden',
    type: 'range',
    min: HIDDEN_RANGE.min,
    max: HIDDEN_RANGE.max,
    step: 1,
    value: d.hidden,
  });
  const hiddenOut = h('output', { 'aria-hidden': 'true' }, String(d.hidden));
  const activation = select('activation', HIDDEN_ACTIVATIONS, d.activation);
  const rate = h('input', { name: 'learningRate', type: 'number', min: 0.0001, max: 10, step: 'any', value: d.learningRate });
  const speedOptions = (Object.keys(SPEEDS) as Speed[]).map((k) => ({ value: k, label: SPEEDS[k].label }));
  const speed = select('speed', speedOptions, d.speed);

  const train = h('button', { type: 'button', class: 'button primary', 'data-action': 'train' }, 'Train');
  const pause = h('button', { type: 'button', class: 'button', 'data-action': 'pause', disabled: true }, 'Pause');
  const reset = h('button', { type: 'button', class: 'button', 'data-action': 'reset' }, 'Reset');

  const noteId = uid('xor-note');
  const note = h('p', { class: 'hint', id: noteId }, 'Changing the gate or the network starts over from the same seed.');
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });

  const form = h(
    'form',
    { class: 'card controls', 'aria-label': 'Settings', 'aria-describedby': noteId },
    h('h2', {}, 'Settings'),
    field('Logic gate', gate),
    field('Hidden units', hidden, hiddenOut),
    field('Hidden activation', activation),
    field('Learning rate (Adam)', rate),
    field('Speed', speed),
    h('div', { class: 'button-row' }, train, pause, reset),
    error,
    note,
  );
  form.addEventListener('submit', (e) => e.preventDefault());

  hidden.addEventListener('input', () => {
    hiddenOut.textContent = hidden.value;
  });
  for (const el of [gate, hidden, activation, rate]) el.addEventListener('change', () => handlers.onModelChange());
  speed.addEventListener('change', () => handlers.onSpeedChange());
  train.addEventListener('click', () => handlers.onTrain());
  pause.addEventListener('click', () => handlers.onPause());
  reset.addEventListener('click', () => handlers.onReset());

  return {
    element: form,
    read() {
      return {
        gate: isGate(gate.value) ? gate.value : d.gate,
        hidden: Number(hidden.value),
        activation: isActivation(activation.value) ? activation.value : d.activation,
        // An empty or odd entry goes to the core as NaN; its error message says what is wrong.
        learningRate: rate.value === '' ? NaN : Number(rate.value),
        speed: isSpeed(speed.value) ? speed.value : d.speed,
      };
    },
    setRunState(state, ready) {
      const running = state === 'running';
      // Keep focus where it was: a disabled button drops it, so move it to the twin.
      const hadFocus = document.activeElement;
      train.disabled = !ready || running;
      pause.disabled = !ready || !running;
      reset.disabled = !ready;
      train.textContent = state === 'paused' ? 'Resume' : 'Train';
      if (hadFocus === train && train.disabled) pause.focus();
      else if (hadFocus === pause && pause.disabled) train.focus();
    },
    showError(message) {
      error.hidden = message === null;
      error.textContent = message ?? '';
    },
  };
}
