// The settings form and the Train / Pause / Reset buttons. Real form controls
// with labels, so everything works from the keyboard and a screen reader;
// each field follows the link (`show`) and changes it (`onChange`).

import type { RunState } from '../../protocol-runs.ts';
import { GATES } from '../../protocol.ts';
import { h, uid } from '../../ui/dom.ts';
import { ACTIVATION_LABELS, labelled } from '../../vocabulary.ts';
import { linearValues, numberField, selectField, sliderField } from '../kit/fields.ts';
import { GATE_LABELS } from './gates.ts';
import { HIDDEN_ACTIVATIONS, SPEEDS, XOR_STATE, type Speed, type XorSettings } from './settings.ts';

export interface ControlHandlers {
  onChange(changes: Partial<XorSettings>): void;
  onTrain(): void;
  onPause(): void;
  onReset(): void;
}

export interface Controls {
  readonly element: HTMLElement;
  show(s: XorSettings): void;
  setRunState(state: RunState, ready: boolean): void;
  showError(message: string | null): void;
}

export function createControls(initial: XorSettings, handlers: ControlHandlers): Controls {
  const { onChange } = handlers;
  const t = XOR_STATE;
  const gate = selectField({
    label: 'Logic gate',
    name: 'gate',
    options: GATES.map((g) => ({ value: g, label: GATE_LABELS[g] })),
    value: initial.gate,
    onChange: (v) => onChange({ gate: v }),
  });
  const hidden = sliderField({
    label: 'Hidden units',
    name: 'hidden',
    values: linearValues(t.hidden.min, t.hidden.max, 1),
    value: initial.hidden,
    format: String,
    onChange: (v) => onChange({ hidden: v }),
  });
  const act = selectField({
    label: 'Hidden activation',
    name: 'activation',
    options: labelled(HIDDEN_ACTIVATIONS, ACTIVATION_LABELS),
    value: initial.act,
    onChange: (v) => onChange({ act: v }),
  });
  const lr = numberField({
    label: 'Learning rate (Adam)',
    name: 'learningRate',
    value: initial.lr,
    min: t.lr.min,
    max: t.lr.max,
    onChange: (v) => onChange({ lr: v }),
  });
  const speed = selectField({
    label: 'Speed',
    name: 'speed',
    options: (Object.keys(SPEEDS) as Speed[]).map((k) => ({ value: k, label: SPEEDS[k].label })),
    value: initial.speed,
    onChange: (v) => onChange({ speed: v }),
  });

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
    gate.element,
    hidden.element,
    act.element,
    lr.element,
    speed.element,
    h('div', { class: 'button-row' }, train, pause, reset),
    error,
    note,
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  train.addEventListener('click', () => handlers.onTrain());
  pause.addEventListener('click', () => handlers.onPause());
  reset.addEventListener('click', () => handlers.onReset());

  return {
    element: form,
    show(s) {
      gate.set(s.gate);
      hidden.set(s.hidden);
      act.set(s.act);
      lr.set(s.lr);
      speed.set(s.speed);
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
