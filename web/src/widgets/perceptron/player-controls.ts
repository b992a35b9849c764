// Play / pause, back, step, reset, run to the end and speed for the
// perceptron's walk, with where it stands. The keys (space, ←, →, r) are in
// the buttons' titles.

import { h } from '../../ui/dom.ts';
import type { Player } from '../optimizers/player.ts';
import { SPEEDS, type Speed } from './settings.ts';

export interface PlayerControls {
  readonly element: HTMLElement;
  update(playing: boolean, step: number, steps: number): void;
  setSpeed(speed: Speed): void;
  /** One step back (pauses first). */
  back(): void;
}

const SPEED_LABELS: Record<Speed, string> = { slow: 'Slow (2 steps/s)', normal: 'Normal (8 steps/s)', fast: 'Fast (60 steps/s)' };

export function createPlayerControls(player: Player, o: { speed: Speed; onSpeed(s: Speed): void }): PlayerControls {
  const button = (action: string, title: string, text: string, primary = false): HTMLButtonElement =>
    h('button', { type: 'button', class: primary ? 'button small primary' : 'button small', 'data-action': action, title }, text);
  const play = button('play', 'Play / pause (space)', 'Play', true);
  const back = button('back', 'One step back (←)', '← Back');
  const step = button('step', 'One step (→)', 'Step →');
  const reset = button('reset', 'Back to zero weights (r)', 'Reset');
  const end = button('end', 'Jump to the end of the run', 'To the end');
  const speed = h('select', { name: 'speed', 'aria-label': 'Speed' });
  for (const s of Object.keys(SPEEDS) as Speed[]) speed.append(h('option', { value: s }, SPEED_LABELS[s]));
  speed.value = o.speed;
  const where = h('output', { class: 'where-now', 'aria-live': 'off' });

  const goBack = (): void => {
    player.pause();
    player.seek(Math.max(0, Math.ceil(player.state.t - 1e-9) - 1));
  };
  play.addEventListener('click', () => player.toggle());
  back.addEventListener('click', goBack);
  step.addEventListener('click', () => player.step());
  reset.addEventListener('click', () => player.reset());
  end.addEventListener('click', () => {
    player.pause();
    player.seek(player.state.end);
  });
  speed.addEventListener('change', () => {
    const s = (Object.keys(SPEEDS) as Speed[]).find((v) => v === speed.value);
    if (s) o.onSpeed(s);
  });

  return {
    element: h('div', { class: 'player', role: 'group', 'aria-label': 'Training steps' }, play, back, step, reset, end, speed, where),
    update(playing, k, steps) {
      play.textContent = playing ? 'Pause' : 'Play';
      back.disabled = k === 0;
      step.disabled = end.disabled = k >= steps;
      where.textContent = `step ${k} of ${steps}`;
    },
    setSpeed(s) {
      speed.value = s;
    },
    back: goBack,
  };
}
