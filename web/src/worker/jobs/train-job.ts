// One network being trained (the Train view's MNIST run, the Logic gates'
// MLP, …): a trainer on its data, a run towards a target epoch that can be
// paced, paused, resumed and given new hyper-parameters on the way, and the
// losses and epoch summaries gathered between two progress events.
// The scheduler decides when it works; nothing here posts.

import type { MlpModule, TrainConfig, TrainReport } from '../../../generated/mlp-simd.mjs';
import type { OpenRequest } from '../../protocol.ts';
import type { EpochSummary, ProgressEvent, RunState, RunStatus } from '../../protocol-runs.ts';
import { transferables } from '../host.ts';
import type { Job, JobEvent } from '../scheduler.ts';
import { closeSession, openSession, scoreEpoch, type Session } from '../engine.ts';

const BATCHES_PER_CALL = 8;
// Paced runs wake at about display rate and never bank more than a quarter
// second of batches (a throttled background tab would otherwise burst).
const PACE_TICK_MS = 16;
const MAX_CREDIT_SECONDS = 0.25;
// Speed is measured over the last few seconds of running, once enough has passed to mean something.
const RATE_WINDOW_MS = 3000;
const MIN_RATE_SPAN_MS = 250;

interface RateSample {
  t: number;
  steps: number;
  examples: number;
}

interface Run {
  targetEpoch: number;
  batchesPerSecond: number;
  credit: number;
  lastTick: number;
}

interface Snapshot {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  steps: number;
  epochLoss: number;
  epochAccuracy: number;
}

export class TrainJob implements Job {
  session: Session;
  private state: RunState = 'idle';
  private run: Run | null = null;
  private snap: Snapshot;
  private message = '';
  private pendingLosses: Float32Array[] = [];
  private pendingFirstStep = 0;
  private pendingEpochs: EpochSummary[] = [];
  private examplesSeen = 0;
  private rate: RateSample[] = [];
  urgent = true;

  constructor(
    private readonly mod: MlpModule,
    readonly id: number,
    private readonly config: Omit<OpenRequest, 'type' | 'id'>,
    private readonly now: () => number,
  ) {
    this.session = openSession(mod, id, config.network, config.train, config.data, config.parameters);
    this.snap = this.freshSnapshot();
  }

  private freshSnapshot(): Snapshot {
    const batchesPerEpoch = this.session.trainer.batchesPerEpoch();
    return { epoch: 0, batch: 0, batchesPerEpoch, steps: 0, epochLoss: NaN, epochAccuracy: NaN };
  }

  status(): RunStatus {
    return { job: this.id, state: this.state, epoch: this.snap.epoch, steps: this.snap.steps };
  }

  get steps(): number {
    return this.snap.steps;
  }

  start(epochs: number, batchesPerSecond: number): void {
    if (!(Number.isInteger(epochs) && epochs >= 1)) throw new Error(`epochs must be an integer >= 1, got ${epochs}`);
    if (!(Number.isFinite(batchesPerSecond) && batchesPerSecond >= 0))
      throw new Error(`batchesPerSecond must be finite and >= 0, got ${batchesPerSecond}`);
    this.run = { targetEpoch: this.snap.epoch + epochs, batchesPerSecond, credit: 0, lastTick: 0 };
    this.message = '';
    this.beginRunning();
  }

  pause(): void {
    if (this.state === 'running') this.setState('paused');
  }

  resume(): void {
    if (this.state === 'paused') this.beginRunning();
    else if (this.state !== 'running') throw new Error(`cannot resume: training is ${this.state}`);
  }

  stop(): void {
    this.run = null;
    if (this.state === 'running' || this.state === 'paused') this.setState('idle');
  }

  /** The same network again from its seed (or its given weights), as when it was opened. */
  reset(): void {
    const next = openSession(this.mod, this.id, this.config.network, this.config.train, this.config.data, this.config.parameters);
    closeSession(this.session);
    this.session = next;
    this.run = null;
    this.snap = this.freshSnapshot();
    this.message = '';
    this.pendingLosses = [];
    this.pendingEpochs = [];
    this.examplesSeen = 0;
    this.rate = [];
    this.setState('idle');
  }

  /**
   * New hyper-parameters for the next batches; the weights and the run go on.
   * All or nothing: the core checks each call before it changes anything, and
   * the optimizer (whose state a change of kind resets) is set last, so a
   * refusal only has the batch size, augmentation and penalty to put back.
   */
  setTrain(train: TrainConfig): void {
    const t = this.session.trainer;
    const before = t.trainConfig();
    try {
      if (train.batchSize !== undefined) t.setBatchSize(train.batchSize);
      if (train.augment !== undefined) t.setAugment(train.augment);
      if (train.regularization !== undefined || train.regularizationRate !== undefined) t.setRegularization(train);
      t.setOptimizer(train);
    } catch (e) {
      t.setBatchSize(before.batchSize);
      t.setAugment(before.augment);
      t.setRegularization(before);
      throw e;
    }
    this.snap = { ...this.snap, batchesPerEpoch: t.batchesPerEpoch() };
    this.urgent = true;
  }

  private beginRunning(): void {
    if (!this.run) throw new Error('cannot resume: no run was started');
    this.run.credit = 1; // the first batch goes at once, even when paced
    this.run.lastTick = this.now();
    this.rate = [{ t: this.run.lastTick, steps: this.snap.steps, examples: this.examplesSeen }];
    this.setState('running');
  }

  private setState(state: RunState): void {
    this.state = state;
    this.urgent = true;
  }

  wakeIn(now: number): number {
    const run = this.run;
    if (this.state !== 'running' || !run) return Infinity;
    if (run.batchesPerSecond <= 0) return 0;
    const credit = run.credit + ((now - run.lastTick) * run.batchesPerSecond) / 1000;
    return credit >= 1 ? 0 : Math.max(PACE_TICK_MS, ((1 - credit) * 1000) / run.batchesPerSecond);
  }

  slice(budgetMs: number): void {
    const run = this.run;
    if (this.state !== 'running' || !run) return;
    const t0 = this.now();
    let budget = Infinity;
    if (run.batchesPerSecond > 0) {
      const cap = Math.max(1, run.batchesPerSecond * MAX_CREDIT_SECONDS);
      run.credit = Math.min(cap, run.credit + ((t0 - run.lastTick) * run.batchesPerSecond) / 1000);
      run.lastTick = t0;
      budget = Math.floor(run.credit);
    }
    while (budget > 0 && this.now() - t0 < budgetMs) {
      const report = this.session.trainer.trainBatches(Math.min(budget, BATCHES_PER_CALL));
      if (report.diverged) {
        this.message = report.message;
        this.setState('diverged');
        break;
      }
      this.record(report);
      budget -= report.losses.length;
      if (run.batchesPerSecond > 0) run.credit -= report.losses.length;
      if (report.epochEnded && report.epoch >= run.targetEpoch) {
        this.setState('finished');
        break;
      }
    }
    this.sampleRate();
  }

  fail(message: string): void {
    this.message = `training stopped: ${message}`;
    this.setState('paused');
  }

  private record(r: TrainReport): void {
    if (this.pendingLosses.length === 0) this.pendingFirstStep = this.snap.steps;
    if (r.losses.length > 0) this.pendingLosses.push(r.losses);
    this.examplesSeen = r.examplesSeen;
    this.snap = {
      epoch: r.epoch,
      batch: r.batch,
      batchesPerEpoch: r.batchesPerEpoch,
      steps: r.steps,
      epochLoss: r.epochLoss,
      epochAccuracy: r.epochAccuracy,
    };
    if (r.epochEnded) {
      // Per-epoch means as trained, and the scores after the epoch (MNIST: 5,000 validation images).
      const { train, validation: v } = scoreEpoch(this.session);
      this.pendingEpochs.push({
        epoch: r.epoch,
        loss: r.epochLoss,
        accuracy: r.epochAccuracy,
        trainLoss: train?.loss ?? NaN,
        trainAccuracy: train?.accuracy ?? NaN,
        validationLoss: v?.loss ?? NaN,
        validationAccuracy: v?.accuracy ?? NaN,
      });
    }
  }

  private sampleRate(): void {
    const t = this.now();
    this.rate.push({ t, steps: this.snap.steps, examples: this.examplesSeen });
    while (this.rate.length > 2 && (this.rate[1]?.t ?? t) <= t - RATE_WINDOW_MS) this.rate.shift();
  }

  /** Examples per second while running (NaN until measured, 0 otherwise) and the time to the run's target. */
  private speed(): { examplesPerSecond: number; secondsLeft: number } {
    if (this.state !== 'running') return { examplesPerSecond: 0, secondsLeft: NaN };
    const first = this.rate[0];
    const last = this.rate[this.rate.length - 1];
    if (!first || !last || last.t - first.t < MIN_RATE_SPAN_MS) return { examplesPerSecond: NaN, secondsLeft: NaN };
    const seconds = (last.t - first.t) / 1000;
    const stepsPerSecond = (last.steps - first.steps) / seconds;
    const left = this.run ? (this.run.targetEpoch - this.snap.epoch) * this.snap.batchesPerEpoch - this.snap.batch : NaN;
    return {
      examplesPerSecond: (last.examples - first.examples) / seconds,
      secondsLeft: stepsPerSecond > 0 ? Math.max(0, left) / stepsPerSecond : NaN,
    };
  }

  takeEvent(): JobEvent | null {
    const losses = concat(this.pendingLosses);
    const firstStep = this.pendingLosses.length > 0 ? this.pendingFirstStep : this.snap.steps;
    if (!this.urgent && losses.length === 0 && this.pendingEpochs.length === 0 && this.state !== 'running') return null;
    this.pendingLosses = [];
    const epochsEnded = this.pendingEpochs;
    this.pendingEpochs = [];
    this.urgent = false;
    const message: ProgressEvent = {
      type: 'progress',
      job: this.id,
      state: this.state,
      ...this.snap,
      targetEpoch: this.run?.targetEpoch ?? this.snap.epoch,
      losses,
      firstStep,
      message: this.message,
      ...this.speed(),
      epochsEnded,
    };
    return { message, transfer: transferables(losses) };
  }

  dispose(): void {
    closeSession(this.session);
    this.run = null;
    this.state = 'idle';
  }
}

/** The parts end to end (the one part itself when there is one). */
export function concat(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
