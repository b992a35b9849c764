// The bar above the figures: reset, play/pause and one epoch at a time (TF
// Playground's three buttons), the epoch, and how the network learns —
// optimizer, learning rate, activation, penalty and its rate, initial
// weights — with the speed of play and a few presets.

import type { Vocabulary } from '../../../generated/mlp-simd.mjs';
import type { RunState } from '../../protocol-runs.ts';
import { h } from '../../ui/dom.ts';
import { s as svg } from '../../ui/svg.ts';
import { ACTIVATION_LABELS, INIT_LABELS, OPTIMIZER_LABELS, labelled } from '../../vocabulary.ts';
import { fieldBinder, numberChoiceField, numberField, selectField } from '../kit/fields.ts';
import { PRESETS, type PresetName } from './presets.ts';
import { SPEEDS, type PlaygroundSettings, type PlaygroundTable, type Speed } from './settings.ts';

// TF Playground's choices.
const RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const PENALTIES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG_LABELS = { none: 'None', l1: 'L1', l2: 'L2' } as const;

// The player's icons as SVG (not font glyphs, which some systems lack).
const icon = (...paths: string[]): SVGSVGElement =>
  svg('svg', { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': 'true', focusable: 'false' }, ...paths.map((d) => svg('path', { d, fill: 'currentColor' })));
const ICONS = {
  play: () => icon('M8 5v14l11-7z'),
  pause: () => icon('M6 5h4v14H6zM14 5h4v14h-4z'),
  step: () => icon('M6 5v14l9-7zM16 5h3v14h-3z'),
  reset: () =>
    icon('M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z'),
};

export interface ControlHandlers {
  onChange(changes: Partial<PlaygroundSettings>): void;
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onReset(): void;
}

export interface Controls {
  /** The bar: the player, then the fields. */
  readonly element: HTMLElement;
  /** Its two halves, for the embed view (the player by the figure, the fields in a tab). */
  readonly player: HTMLElement;
  readonly fields: HTMLElement;
  show(s: PlaygroundSettings): void;
  /** Where training stands; `busy` while a network is built or replayed to the link's epoch. */
  setRun(state: RunState | 'busy', epoch: number): void;
}

export function createControls(v: Vocabulary, table: PlaygroundTable, handlers: ControlHandlers): Controls {
  const { onChange } = handlers;
  const binder = fieldBinder<PlaygroundSettings>();
  const button = (action: string, label: string, icon: SVGSVGElement): HTMLButtonElement =>
    h('button', { type: 'button', class: 'button player', 'data-action': action, 'aria-label': label, title: label }, icon);
  const reset = button('reset', 'Reset to epoch 0 (r)', ICONS.reset());
  const play = button('play', 'Play (space)', ICONS.play());
  const step = button('step', 'Train one epoch (→)', ICONS.step());
  const epoch = h('output', { class: 'epoch', 'data-role': 'epoch', 'aria-live': 'off' }, '000,000');
  reset.addEventListener('click', () => handlers.onReset());
  step.addEventListener('click', () => handlers.onStep());
  let running = false;
  play.addEventListener('click', () => (running ? handlers.onPause() : handlers.onPlay()));

  const preset = selectField<PresetName | ''>({
    label: 'Preset',
    name: 'preset',
    options: [{ value: '', label: 'Choose…' }, ...(Object.keys(PRESETS) as PresetName[]).map((k) => ({ value: k, label: PRESETS[k].label }))],
    value: '',
    onChange: (k) => {
      if (k) onChange({ ...PRESETS[k].settings, at: 0 });
    },
  });

  const player = h('div', { class: 'player-group' }, reset, play, step, h('div', { class: 'epoch-box' }, h('span', { class: 'epoch-label' }, 'Epoch'), epoch));
  const fields = h(
    'div',
    { class: 'bar-fields' },
    binder.bind('opt', selectField({ label: 'Optimizer', name: 'opt', options: labelled(table.opt.values, OPTIMIZER_LABELS), value: 'sgd', onChange: (x) => onChange({ opt: x }) })),
    binder.bind('lr', numberChoiceField({ label: 'Learning rate', name: 'lr', options: RATES.map((r) => ({ value: r, label: String(r) })), value: 0.03, onChange: (x) => onChange({ lr: x }) })),
    binder.bind('act', selectField({ label: 'Activation', name: 'act', options: labelled(table.act.values, ACTIVATION_LABELS), value: 'tanh', onChange: (x) => onChange({ act: x }) })),
    binder.bind('reg', selectField({ label: 'Regularization', name: 'reg', options: labelled(table.reg.values, REG_LABELS), value: 'none', onChange: (x) => onChange({ reg: x }) })),
    binder.bind('rate', numberChoiceField({ label: 'Regularization rate', name: 'rate', options: PENALTIES.map((r) => ({ value: r, label: String(r) })), value: 0, onChange: (x) => onChange({ rate: x }) })),
    binder.bind('init', selectField({ label: 'Initial weights', name: 'init', options: labelled(table.init.values, INIT_LABELS), value: 'glorot_uniform', onChange: (x) => onChange({ init: x }) })),
    binder.bind('wseed', numberField({ label: 'Weight seed', name: 'wseed', value: 1, min: v.limits.seed.min, max: v.limits.seed.max, integer: true, onChange: (x) => onChange({ wseed: x }) })),
    binder.bind('speed', selectField({ label: 'Speed', name: 'speed', options: (Object.keys(SPEEDS) as Speed[]).map((k) => ({ value: k, label: SPEEDS[k].label })), value: 'normal', onChange: (x) => onChange({ speed: x }) })),
    preset.element,
  );
  const element = h('section', { class: 'card controls-bar', 'aria-label': 'Training' }, player, fields);

  return {
    element,
    player,
    fields,
    show(s) {
      binder.sync(s);
      preset.set('');
    },
    setRun(state, n) {
      running = state === 'running';
      const hadFocus = document.activeElement;
      if (play.dataset.icon !== (running ? 'pause' : 'play')) {
        play.dataset.icon = running ? 'pause' : 'play';
        play.replaceChildren(running ? ICONS.pause() : ICONS.play());
      }
      play.setAttribute('aria-label', running ? 'Pause (space)' : 'Play (space)');
      play.title = running ? 'Pause (space)' : 'Play (space)';
      const busy = state === 'busy';
      play.disabled = busy;
      step.disabled = busy || running;
      reset.disabled = busy;
      epoch.textContent = n.toLocaleString('en-US', { minimumIntegerDigits: 6 });
      element.dataset.state = state;
      if (hadFocus === step && step.disabled) play.focus();
    },
  };
}
