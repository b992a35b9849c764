// The universal-approximation lesson's controls: fit by Adam or build by
// hand, the target (a preset or your own curve), N, the seed and the
// learning rate, and the player for the fit. Fields follow the link (`show`).

import { h } from '../../ui/dom.ts';
import { fieldBinder, linearValues, numberField, selectField, sliderField } from '../kit/fields.ts';
import { TARGETS, TARGET_LABELS, UAT_STATE, type UatSettings } from './settings.ts';

export interface ControlHandlers {
  onChange(c: Partial<UatSettings>): void;
  /** The target select chose "your own curve": start it from the curve on show. */
  onDrawOwn(): void;
  onPlay(): void;
  onStep(): void;
  onReset(): void;
}

export interface Controls {
  readonly element: HTMLElement;
  show(s: UatSettings, running: boolean, canPlay: boolean): void;
}

export function createControls(initial: UatSettings, o: ControlHandlers): Controls {
  const t = UAT_STATE;
  const bind = fieldBinder<UatSettings>();
  const modes = (['fit', 'hand'] as const).map((m) => {
    const b = h('button', { type: 'button', class: 'button small mode', 'data-mode': m, 'aria-pressed': 'false' }, m === 'fit' ? 'Fit by Adam' : 'Build by hand');
    b.addEventListener('click', () => o.onChange({ mode: m }));
    return b;
  });
  const target = selectField({
    label: 'Target f',
    name: 'target',
    options: TARGETS.map((v) => ({ value: v, label: TARGET_LABELS[v] })),
    value: initial.target,
    onChange: (v) => (v === 'drawn' ? o.onDrawOwn() : o.onChange({ target: v })),
  });
  const units = bind.bind('n', sliderField({ label: 'N, sigmoid units', name: 'n', values: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64], value: initial.n, onChange: (v) => o.onChange({ n: v }) }));
  const lr = bind.bind('lr', numberField({ label: 'Adam’s step', name: 'lr', value: initial.lr, min: t.lr.min, max: t.lr.max, onChange: (v) => o.onChange({ lr: v }) }));
  const seed = bind.bind('seed', sliderField({ label: 'Seed', name: 'seed', values: linearValues(0, 20, 1), value: initial.seed, onChange: (v) => o.onChange({ seed: v }) }));
  const button = (action: string, text: string, title: string, primary = false): HTMLButtonElement =>
    h('button', { type: 'button', class: primary ? 'button primary' : 'button', 'data-action': action, title }, text);
  const play = button('play', 'Fit', 'Train G by Adam, animated (space)', true);
  const step = button('step', 'Step', 'One Adam step (→)');
  const reset = button('reset', 'Reset', 'Back to the seed’s start, G = 0 (r)');
  play.addEventListener('click', () => o.onPlay());
  step.addEventListener('click', () => o.onStep());
  reset.addEventListener('click', () => o.onReset());
  const fitFields = h('div', { class: 'fit-fields' }, units, h('div', { class: 'pair' }, lr, seed), h('div', { class: 'button-row player' }, play, step, reset));

  return {
    element: h('section', { class: 'card controls', 'aria-label': 'Target and fit' }, h('div', { class: 'modes', role: 'group', 'aria-label': 'Mode' }, ...modes), target.element, fitFields),
    show(s, running, canPlay) {
      bind.sync(s);
      target.set(s.target);
      for (const b of modes) b.setAttribute('aria-pressed', String(b.dataset.mode === s.mode));
      fitFields.hidden = s.mode !== 'fit';
      play.textContent = running ? 'Pause' : 'Fit';
      play.disabled = !canPlay && !running;
      step.disabled = !canPlay;
    },
  };
}
