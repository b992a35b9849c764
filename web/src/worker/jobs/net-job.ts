// A real network's path: one small MLP (2-h-h-2) trained three ways side by
// side — batch GD, SGD, mini-batch GD, same initial weights — then a
// filter-normalised 2-D slice of its loss landscape around one run's trained
// weights, with every run's per-epoch snapshots projected onto it.
//
// A job does bounded slices of work (`slice(ms)`) so the worker stays
// responsive; the scheduler decides the cadence. Nothing here posts messages.

import type { Dataset, LossLandscape, MlpModule, NetworkSpec, Trainer } from '../../../generated/mlp-simd.mjs';
import type {
  LabNetEvent,
  LandscapeConfig,
  LandscapeResult,
  NetJobConfig,
  NetPhase,
  NetRunKey,
  NetRunPoints,
  NetRunState,
} from '../../protocol-lab.ts';
import { NET_RUNS } from '../../protocol-lab.ts';
import { transferables } from '../host.ts';
import type { Job, JobEvent } from '../scheduler.ts';

/** At most this many weight snapshots per run (spread evenly over the epochs). */
const MAX_SNAPSHOTS = 200;
/** Batches per trainBatches call start here and adapt to about CALL_MS per call. */
const CALL_MS = 1;
const MAX_BATCHES_PER_CALL = 512;

interface Point {
  epoch: number;
  loss: number;
  accuracy: number;
  ms: number;
}

interface Run {
  readonly key: NetRunKey;
  readonly trainer: Trainer;
  epoch: number;
  /** Milliseconds spent inside trainBatches: this run's own training time. */
  ms: number;
  batchesPerCall: number;
  diverged: boolean;
  message: string;
  pending: Point[];
  snapshots: Float32Array[];
}

interface LandscapeWork {
  readonly config: LandscapeConfig;
  readonly handle: LossLandscape;
}

export function networkSpec(c: NetJobConfig): NetworkSpec {
  return {
    inputs: 2,
    layers: [
      { units: c.hidden, activation: c.activation },
      { units: c.hidden, activation: c.activation },
      { units: 2 },
    ],
    loss: 'softmax_cross_entropy',
    init: 'glorot_uniform',
    seed: c.seed,
  };
}

function batchSizeOf(key: NetRunKey, c: NetJobConfig): number {
  switch (key) {
    case 'batch':
      return c.n;
    case 'sgd':
      return 1;
    case 'mini':
      return Math.min(c.batchSize, c.n);
  }
}

export class NetJob implements Job {
  phase: NetPhase = 'training';
  message = '';
  readonly parameterCount: number;
  private readonly data: Dataset;
  private readonly runs: Run[] = [];
  private landscape: LandscapeWork | null = null;
  private landscapeRowsDone = 0;
  private finished: LandscapeResult | null = null;
  private readonly snapshotEvery: number;
  /** Set when the phase changes, so the scheduler reports it at once. */
  urgent = true;

  constructor(
    private readonly mod: MlpModule,
    readonly id: number,
    readonly config: NetJobConfig,
    private readonly now: () => number,
  ) {
    if (!(Number.isInteger(config.epochs) && config.epochs >= 1 && config.epochs <= 1000))
      throw new Error(`epochs must be an integer from 1 to 1000, got ${config.epochs}`);
    this.data = config.data === 'moons'
      ? mod.Dataset.twoMoons(config.n, config.noise, config.seed)
      : mod.Dataset.circles(config.n, config.noise, config.seed);
    try {
      const spec = networkSpec(config);
      for (const key of NET_RUNS) {
        const trainer = new mod.Trainer(
          spec,
          { batchSize: batchSizeOf(key, config), optimizer: config.optimizer, learningRate: config.learningRate, shuffleSeed: config.seed },
          this.data,
        );
        this.runs.push({ key, trainer, epoch: 0, ms: 0, batchesPerCall: 1, diverged: false, message: '', pending: [], snapshots: [] });
      }
    } catch (e) {
      this.dispose();
      throw e;
    }
    this.parameterCount = this.runs[0]?.trainer.parameters().length ?? 0;
    this.snapshotEvery = Math.max(1, Math.ceil(config.epochs / MAX_SNAPSHOTS));
    for (const run of this.runs) this.measure(run);
  }

  /** Works for about `budgetMs`. */
  slice(budgetMs: number): void {
    if (this.phase === 'training') this.trainSlice(budgetMs);
    else if (this.phase === 'landscape') this.landscapeSlice(budgetMs);
  }

  wakeIn(): number {
    return this.phase === 'training' || this.phase === 'landscape' ? 0 : Infinity;
  }

  fail(message: string): void {
    this.message = message;
    this.setPhase('failed');
  }

  pause(): void {
    if (this.phase === 'training') this.setPhase('paused');
  }

  resume(): void {
    if (this.phase === 'paused') this.setPhase('training');
  }

  /** A new slice through the trained weights; only once training has ended. */
  recomputeLandscape(config: LandscapeConfig): void {
    if (this.phase === 'training' || this.phase === 'paused')
      throw new Error('the landscape is computed once training has finished');
    this.beginLandscape(config);
  }

  /** The points measured since the last call, and where things stand. */
  takeEvent(): JobEvent {
    const event = this.event();
    const arrays: ArrayBufferView[] = event.added.flatMap((p) => [p.epoch, p.loss, p.accuracy, p.ms]);
    if (event.landscape) arrays.push(event.landscape.values, ...event.landscape.paths.flatMap((p) => [p.alpha, p.beta]));
    return { message: event, transfer: transferables(...arrays) };
  }

  private event(): LabNetEvent {
    const added: NetRunPoints[] = this.runs.map((run) => {
      const p = run.pending;
      run.pending = [];
      return {
        key: run.key,
        epoch: Float64Array.from(p, (q) => q.epoch),
        loss: Float64Array.from(p, (q) => q.loss),
        accuracy: Float64Array.from(p, (q) => q.accuracy),
        ms: Float64Array.from(p, (q) => q.ms),
      };
    });
    const runs: NetRunState[] = this.runs.map((r) => ({ key: r.key, epoch: r.epoch, diverged: r.diverged, message: r.message }));
    const landscape = this.finished;
    this.finished = null;
    this.urgent = false;
    return {
      type: 'lab-net',
      job: this.id,
      phase: this.phase,
      targetEpochs: this.config.epochs,
      runs,
      added,
      landscapeRows: this.landscape ? this.landscapeRowsDone : 0,
      landscapeResolution: this.landscape?.config.resolution ?? this.config.landscape.resolution,
      landscape,
      message: this.message,
    };
  }

  dispose(): void {
    this.landscape?.handle.delete();
    this.landscape = null;
    for (const run of this.runs) run.trainer.delete();
    this.runs.length = 0;
    if (!this.data.isDeleted()) this.data.delete();
    this.phase = 'closed';
  }

  // ---------------------------------------------------------------- training

  private trainSlice(budgetMs: number): void {
    const active = this.runs.filter((r) => !r.diverged && r.epoch < this.config.epochs);
    if (active.length === 0) {
      this.beginLandscape(this.config.landscape);
      return;
    }
    // Equal time for every unfinished run, so they advance side by side.
    const share = budgetMs / active.length;
    for (const run of active) {
      const t0 = this.now();
      while (!run.diverged && run.epoch < this.config.epochs && this.now() - t0 < share) this.trainCall(run);
    }
  }

  private trainCall(run: Run): void {
    const t = this.now();
    const report = run.trainer.trainBatches(run.batchesPerCall);
    const took = this.now() - t;
    run.ms += took;
    if (report.diverged) {
      run.diverged = true;
      run.message = report.message;
      return;
    }
    if (took < CALL_MS / 2) run.batchesPerCall = Math.min(MAX_BATCHES_PER_CALL, run.batchesPerCall * 2);
    else if (took > CALL_MS * 2) run.batchesPerCall = Math.max(1, Math.floor(run.batchesPerCall / 2));
    if (report.epochEnded) {
      run.epoch = report.epoch;
      this.measure(run);
    }
  }

  /** Loss and accuracy on the whole training set, and a weight snapshot for the landscape. */
  private measure(run: Run): void {
    const e = run.trainer.evaluate(this.data);
    run.pending.push({ epoch: run.epoch, loss: e.loss, accuracy: e.accuracy, ms: run.ms });
    if (run.epoch % this.snapshotEvery === 0 || run.epoch === this.config.epochs)
      run.snapshots.push(run.trainer.parameters());
  }

  // --------------------------------------------------------------- landscape

  private beginLandscape(config: LandscapeConfig): void {
    this.landscape?.handle.delete();
    this.landscape = null;
    const centre = this.runs.find((r) => r.key === config.centre) ?? this.runs[0];
    if (!centre) throw new Error('the job has no runs');
    const handle = new this.mod.LossLandscape(centre.trainer, this.data, config.seed, config.span, config.resolution);
    this.landscape = { config, handle };
    this.landscapeRowsDone = 0;
    this.setPhase('landscape');
  }

  private landscapeSlice(budgetMs: number): void {
    const work = this.landscape;
    if (!work) return;
    const t0 = this.now();
    while (!work.handle.done() && this.now() - t0 < budgetMs) this.landscapeRowsDone = work.handle.computeRows(1);
    if (!work.handle.done()) return;
    this.finished = {
      centre: work.config.centre,
      span: work.config.span,
      resolution: work.config.resolution,
      values: work.handle.values(),
      paths: this.runs.map((run) => {
        const alpha = new Float64Array(run.snapshots.length);
        const beta = new Float64Array(run.snapshots.length);
        run.snapshots.forEach((p, k) => {
          const [a, b] = work.handle.project(p);
          alpha[k] = a;
          beta[k] = b;
        });
        return { key: run.key, alpha, beta };
      }),
    };
    this.setPhase('done');
  }

  private setPhase(phase: NetPhase): void {
    this.phase = phase;
    this.urgent = true;
  }
}
