// The playground's training job, as a small state machine: build a network
// for the settings (the data first, so its points show at once), replay it to
// the link's epoch, then play, pause, step and reset; after every progress
// event one request for the maps, never a queue of them. Answers for a
// network that has since been replaced are dropped (tickets).

import type { PlaygroundData, Vocabulary } from '../../../generated/mlp-simd.mjs';
import type { Grid2D } from '../../protocol.ts';
import type { EpochSummary, ProgressEvent, RunState } from '../../protocol-runs.ts';
import type { NeuronRef, PgMaps } from '../../protocol-playground.ts';
import type { Kit, RequestFailure } from '../kit/widget.ts';
import { createTickets } from '../kit/tickets.ts';
import {
  MAX_EPOCH,
  SPEEDS,
  dataSpec,
  features,
  networkSpec,
  trainConfig,
  type PlaygroundSettings,
  type PlaygroundTable,
} from './settings.ts';

export const GRID: Grid2D = { x0: -6, x1: 6, y0: -6, y1: 6, nx: 80, ny: 80 };
export const NEURON_GRID: Grid2D = { x0: -6, x1: 6, y0: -6, y1: 6, nx: 24, ny: 24 };

export interface RunView {
  /** A new network is being built: forget the curves. */
  building(): void;
  data(d: PlaygroundData, batch: number): void;
  state(state: RunState | 'busy', epoch: number): void;
  epochs(e: readonly EpochSummary[]): void;
  maps(m: PgMaps, focus: NeuronRef | null): void;
  fail(f: RequestFailure): void;
  ok(): void;
}

export interface Run {
  build(s: PlaygroundSettings, play: boolean): void;
  play(s: PlaygroundSettings): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** The neuron shown large, or null for the output. */
  focus(ref: NeuronRef | null): void;
  running(): boolean;
  epoch(): number;
  /** The worker restarted: nothing it held is left. */
  lost(): void;
  close(): void;
}

export function createRun(kit: Kit<PlaygroundTable>, vocabulary: Vocabulary, view: RunView): Run {
  const tickets = createTickets();
  let job: number | null = null;
  let state: RunState | 'busy' = 'busy';
  let epoch = 0;
  let batchesPerEpoch = 1;
  let replayTo = 0;
  let playAfter = false;
  let focus: NeuronRef | null = null;
  let speed: number = SPEEDS.normal.epochsPerSecond;
  const onError = (f: RequestFailure): void => view.fail(f);

  function setState(next: RunState | 'busy'): void {
    state = next;
    view.state(state, epoch);
  }

  async function build(s: PlaygroundSettings, play: boolean): Promise<void> {
    const ticket = tickets.take();
    setState('busy');
    epoch = 0;
    view.building();
    const data = await kit.request({ type: 'pg-data', data: dataSpec(vocabulary, s) }, { onError });
    if (!data || !tickets.current(ticket)) return;
    const train = trainConfig(s, data.train);
    view.data(data, train.batchSize ?? 1);
    const opened = await kit.request(
      {
        type: 'open',
        network: networkSpec(vocabulary, s),
        train,
        data: { kind: 'playground', data: dataSpec(vocabulary, s), features: features(s) },
        replaces: job ?? undefined,
      },
      { onError },
    );
    if (!opened) return;
    if (!tickets.current(ticket)) {
      void kit.request({ type: 'close', job: opened.job });
      return;
    }
    job = opened.job;
    batchesPerEpoch = Math.max(1, opened.batchesPerEpoch);
    speed = SPEEDS[s.speed].epochsPerSecond;
    view.ok();
    replayTo = s.at;
    playAfter = play;
    if (replayTo > 0) {
      // Flat out to the link's epoch: the same batches in the same order as when it was taken.
      await kit.request({ type: 'start', job, epochs: replayTo }, { onError });
      return;
    }
    setState('idle');
    refresh();
    if (play) startPlaying();
  }

  function startPlaying(): void {
    if (job === null) return;
    const bps = speed * batchesPerEpoch;
    void kit.request({ type: 'start', job, epochs: Math.max(1, MAX_EPOCH - epoch), batchesPerSecond: bps }, { onError });
  }

  // Maps follow progress, one round trip at a time.
  let refreshing = false;
  let again = false;
  function refresh(): void {
    if (job === null) return;
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    const want = job;
    const asked = focus;
    void kit
      .request({ type: 'pg-maps', job: want, grid: GRID, neuronGrid: NEURON_GRID, focus: asked }, { onError })
      .then((m) => {
        if (m && want === job) view.maps(m, asked);
      })
      .finally(() => {
        refreshing = false;
        if (again && kit.alive()) {
          again = false;
          refresh();
        }
      });
  }

  function onProgress(p: ProgressEvent): void {
    if (p.job !== job) return;
    epoch = p.epoch;
    batchesPerEpoch = Math.max(1, p.batchesPerEpoch);
    if (p.epochsEnded.length > 0) view.epochs(p.epochsEnded);
    if (p.state === 'diverged') view.fail({ message: `Training diverged: ${p.message}`, field: null });
    const replaying = replayTo > 0;
    if (replaying && p.state === 'diverged') {
      replayTo = 0;
      setState('diverged');
    } else if (replaying && p.state === 'finished' && p.epoch >= replayTo) {
      replayTo = 0;
      setState('idle');
      if (playAfter) startPlaying();
    } else if (!replaying) {
      setState(p.state === 'finished' ? 'paused' : p.state);
    } else {
      setState('busy'); // the epoch counts up to the link's while it is trained again
    }
    // The link follows the picture: reopened, it trains to this epoch again.
    if (!replaying && kit.settings().at !== epoch) kit.update({ at: epoch });
    refresh();
  }
  kit.onDispose(kit.ctx.worker.onProgress(onProgress));

  return {
    build: (s, play) => void build(s, play),
    play(s) {
      speed = SPEEDS[s.speed].epochsPerSecond;
      startPlaying();
    },
    pause() {
      if (job === null) return;
      const want = job;
      void kit.request({ type: 'pause', job: want }, { onError }).then((st) => {
        // Paused mid-epoch: finish the epoch (flat out, a few milliseconds), so
        // the picture is the one the link's epoch reproduces.
        if (st && want === job && st.state === 'paused' && st.steps > st.epoch * batchesPerEpoch)
          void kit.request({ type: 'start', job: want, epochs: 1 }, { onError });
      });
    },
    step() {
      if (job !== null && state !== 'running' && state !== 'busy') void kit.request({ type: 'start', job, epochs: 1 }, { onError });
    },
    reset() {
      if (job === null) return;
      const want = job;
      view.building();
      void kit.request({ type: 'reset', job: want }, { onError }).then((r) => {
        if (!r || want !== job) return;
        epoch = 0;
        replayTo = 0;
        kit.update({ at: 0 });
        setState('idle');
        refresh();
      });
    },
    focus(ref) {
      focus = ref;
      refresh();
    },
    running: () => state === 'running',
    epoch: () => epoch,
    lost() {
      job = null;
      setState('busy');
    },
    close() {
      if (job !== null) void kit.ctx.worker.request({ type: 'close', job }).catch(() => undefined);
      job = null;
    },
  };
}
