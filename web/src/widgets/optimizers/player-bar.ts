// Play / pause, step, reset, speed and a scrubber for one player, with a
// readout of where the animation is. Buttons say what they do; the global
// keys (space, →, r) are listed in their titles.

import { h } from '../../ui/dom.ts';
import { type Speed, SPEEDS, SPEED_LABELS } from './presets.ts';
import type { Player, PlayerState } from './player.ts';

export interface PlayerBar {
  readonly element: HTMLElement;
  update(s: Readonly<PlayerState>, readout: string): void;
  setSpeed(speed: Speed): void;
  setEnabled(enabled: boolean): void;
}

const SCRUB_STEPS = 1000;

export function createPlayerBar(player: Player, o: { speed: Speed; onSpeed: (s: Speed) => void; label: string }): PlayerBar {
  const play = h('button', { type: 'button', class: 'button primary', 'data-action': 'play', title: 'Play / pause (space)' }, 'Play');
  const step = h('button', { type: 'button', class: 'button', 'data-action': 'step', title: 'One step (→)' }, 'Step');
  const reset = h('button', { type: 'button', class: 'button', 'data-action': 'reset', title: 'Back to the start (r)' }, 'Reset');
  const speed = h('select', { name: 'speed', 'aria-label': 'Speed' });
  for (const s of SPEEDS) speed.append(h('option', { value: s }, SPEED_LABELS[s]));
  speed.value = o.speed;
  const scrub = h('input', { type: 'range', class: 'scrub', min: 0, max: SCRUB_STEPS, step: 1, value: 0, 'aria-label': `${o.label} position` });
  const readout = h('output', { class: 'readout', 'aria-live': 'off' });

  play.addEventListener('click', () => player.toggle());
  step.addEventListener('click', () => player.step());
  reset.addEventListener('click', () => player.reset());
  speed.addEventListener('change', () => {
    const s = SPEEDS.find((v) => v === speed.value);
    if (s) o.onSpeed(s);
  });
  scrub.addEventListener('input', () => {
    player.pause();
    player.seek((Number(scrub.value) / SCRUB_STEPS) * player.state.end);
  });

  const element = h(
    'div',
    { class: 'player-bar', role: 'group', 'aria-label': `${o.label} animation` },
    h('div', { class: 'player-buttons' }, play, step, reset, speed),
    h('div', { class: 'player-track' }, scrub, readout),
  );

  return {
    element,
    update(s, text) {
      play.textContent = s.playing ? 'Pause' : s.t >= s.end && s.end > 0 ? 'Replay' : 'Play';
      scrub.value = String(s.end > 0 ? Math.round((s.t / s.end) * SCRUB_STEPS) : 0);
      readout.textContent = text;
      element.dataset.playing = String(s.playing);
    },
    setSpeed(s) {
      speed.value = s;
    },
    setEnabled(enabled) {
      for (const b of [play, step, reset, scrub]) b.disabled = !enabled;
    },
  };
}
