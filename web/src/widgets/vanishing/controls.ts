// The vanishing-gradients lesson's controls: the presets, the network (its
// activation, initializer, depth, width), how it trains, and the player —
// play/pause, one step, reset. Fields follow the link (`show`).

import { ACTIVATION_LABELS, INIT_LABELS, OPTIMIZER_LABELS } from '../../vocabulary.ts';
import { h } from '../../ui/dom.ts';
import { fieldBinder, linearValues, numberChoiceField, numberField, selectField, sliderField } from '../kit/fields.ts';
import { ACTS, INITS, PRESETS, VANISHING_STATE, WIDTHS, presetOf, type VanishingSettings } from './settings.ts';

export interface ControlHandlers {
  onChange(c: Partial<VanishingSettings>): void;
  onPlay(): void;
  onStep(): void;
  onReset(): void;
}

export interface Controls {
  readonly presets: HTMLElement;
  readonly network: HTMLElement;
  readonly player: HTMLElement;
  show(s: VanishingSettings, running: boolean, canPlay: boolean): void;
}

export function createControls(initial: VanishingSettings, o: ControlHandlers): Controls {
  const t = VANISHING_STATE;
  const bind = fieldBinder<VanishingSettings>();
  const presetButtons = PRESETS.map((p) => {
    const b = h('button', { type: 'button', class: 'button small preset', 'data-preset': p.key, 'aria-pressed': 'false' }, p.label);
    b.addEventListener('click', () => o.onChange(p.values));
    return b;
  });
  const fields = [
    bind.bind('act', selectField({ label: 'Activation', name: 'act', options: ACTS.map((a) => ({ value: a, label: ACTIVATION_LABELS[a] })), value: initial.act, onChange: (v) => o.onChange({ act: v }) })),
    bind.bind('init', selectField({ label: 'Initial weights', name: 'init', options: INITS.map((i) => ({ value: i, label: INIT_LABELS[i] })), value: initial.init, onChange: (v) => o.onChange({ init: v }) })),
    bind.bind('depth', sliderField({ label: 'Hidden layers', name: 'depth', values: linearValues(t.depth.min, t.depth.max, 1), value: initial.depth, onChange: (v) => o.onChange({ depth: v }) })),
    bind.bind('width', numberChoiceField({ label: 'Units per layer', name: 'width', options: WIDTHS.map((w) => ({ value: w, label: String(w) })), value: initial.width, onChange: (v) => o.onChange({ width: v }) })),
    bind.bind('data', selectField({ label: 'Data', name: 'data', options: [{ value: 'circles', label: 'Circles' }, { value: 'moons', label: 'Two moons' }], value: initial.data, onChange: (v) => o.onChange({ data: v }) })),
    bind.bind('opt', selectField({ label: 'Optimizer', name: 'opt', options: (['sgd', 'adam'] as const).map((k) => ({ value: k, label: OPTIMIZER_LABELS[k] })), value: initial.opt, onChange: (v) => o.onChange({ opt: v }) })),
    bind.bind('lr', numberField({ label: 'Learning rate', name: 'lr', value: initial.lr, min: t.lr.min, max: t.lr.max, onChange: (v) => o.onChange({ lr: v }) })),
    bind.bind('speed', selectField({ label: 'Pace', name: 'speed', options: [{ value: 'slow', label: '20 steps/s' }, { value: 'fast', label: 'Flat out' }], value: initial.speed, onChange: (v) => o.onChange({ speed: v }) })),
  ];
  let current = initial;
  const reseed = h('button', { type: 'button', class: 'button small', 'data-action': 'new-weights', title: 'Draw new initial weights' }, 'New weights');
  reseed.addEventListener('click', () => o.onChange({ seed: (current.seed + 1) % (t.seed.max + 1) }));

  const button = (action: string, text: string, title: string, primary = false): HTMLButtonElement =>
    h('button', { type: 'button', class: primary ? 'button primary' : 'button', 'data-action': action, title }, text);
  const play = button('play', 'Play', 'Train, watching every layer (space)', true);
  const step = button('step', 'Step', 'One training step (→)');
  const reset = button('reset', 'Reset', 'Back to the initial weights (r)');
  play.addEventListener('click', () => o.onPlay());
  step.addEventListener('click', () => o.onStep());
  reset.addEventListener('click', () => o.onReset());

  return {
    presets: h('div', { class: 'presets', role: 'group', 'aria-label': 'Presets' }, ...presetButtons),
    network: h('div', { class: 'network-fields' }, ...fields, reseed),
    player: h('div', { class: 'button-row player' }, play, step, reset),
    show(s, running, canPlay) {
      current = s;
      bind.sync(s);
      const active = presetOf(s)?.key;
      for (const b of presetButtons) b.setAttribute('aria-pressed', String(b.dataset.preset === active));
      play.textContent = running ? 'Pause' : 'Play';
      play.disabled = !canPlay && !running;
      step.disabled = !canPlay;
    },
  };
}
