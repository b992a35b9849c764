// The animation clock shared by the regression and race views: a time t in
// the view's own unit (race steps, regression epochs) that runs from 0 to the
// end at a chosen rate while playing. The trajectories are computed up front
// by the core, so play, pause, step, reset and scrubbing only move t.

export interface PlayerState {
  t: number;
  end: number;
  playing: boolean;
}

export interface Player {
  readonly state: Readonly<PlayerState>;
  play(): void;
  pause(): void;
  toggle(): void;
  /** Advances by one step unit (pauses first). */
  step(): void;
  /** Back to t = 0, paused. */
  reset(): void;
  seek(t: number): void;
  /** A new run: its length, and where to be (e.g. the end while a start point is dragged). */
  load(end: number, at: number): void;
  setRate(unitsPerSecond: number): void;
  setStepSize(units: number): void;
  destroy(): void;
}

/** Longer gaps (a hidden tab) do not jump the animation. */
const MAX_FRAME_SECONDS = 0.1;

export function createPlayer(onChange: (s: Readonly<PlayerState>) => void): Player {
  const state: PlayerState = { t: 0, end: 0, playing: false };
  let rate = 1;
  let stepSize = 1;
  let raf = 0;
  let lastFrame = 0;

  const emit = (): void => onChange(state);

  const frame = (now: number): void => {
    raf = 0;
    if (!state.playing) return;
    const dt = Math.min(MAX_FRAME_SECONDS, (now - lastFrame) / 1000);
    lastFrame = now;
    state.t = Math.min(state.end, state.t + dt * rate);
    if (state.t >= state.end) state.playing = false;
    emit();
    if (state.playing) raf = requestAnimationFrame(frame);
  };

  const stopFrames = (): void => {
    if (raf) cancelAnimationFrame(raf);
    raf = 0;
  };

  const player: Player = {
    state,
    play() {
      if (state.playing || state.end <= 0) return;
      if (state.t >= state.end) state.t = 0; // play at the end starts over
      state.playing = true;
      lastFrame = performance.now();
      emit();
      raf = requestAnimationFrame(frame);
    },
    pause() {
      if (!state.playing) return;
      state.playing = false;
      stopFrames();
      emit();
    },
    toggle() {
      if (state.playing) player.pause();
      else player.play();
    },
    step() {
      state.playing = false;
      stopFrames();
      // Land on whole steps, so repeated steps never drift between two updates.
      const k = Math.floor(state.t / stepSize + 1e-9) + 1;
      state.t = Math.min(state.end, k * stepSize);
      emit();
    },
    reset() {
      state.playing = false;
      stopFrames();
      state.t = 0;
      emit();
    },
    seek(t) {
      state.t = Math.min(state.end, Math.max(0, t));
      emit();
    },
    load(end, at) {
      state.end = end;
      state.t = Math.min(end, Math.max(0, at));
      if (state.t >= end) {
        state.playing = false;
        stopFrames();
      }
      emit();
    },
    setRate(r) {
      rate = r;
    },
    setStepSize(s) {
      stepSize = s;
    },
    destroy() {
      stopFrames();
    },
  };
  return player;
}
