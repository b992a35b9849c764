// Turns requests into engine calls and runs training in bounded slices.
// Timing and posting come from a Host, so this runs under Node with a fake
// clock as well as in the worker.

import type { MlpModule, NetworkSpec, TrainConfig, TrainReport } from '../../generated/mlp-simd.mjs';
import type {
  ConfigureResult,
  DataInfo,
  DataSource,
  EpochSummary,
  Request,
  RunState,
  RunStatus,
  WorkerMessage,
} from '../protocol.ts';
import { assertNever } from '../protocol.ts';
import type { Session } from './engine.ts';
import * as engine from './engine.ts';
import { answerDigitRequest, digitModelLabel, setDigitModel, usePretrainedDigitModel } from './digits.ts';
import { exportModel, readModel, testReport } from './inspect.ts';
import { loadMnist } from './mnist.ts';
import { isLabRequest } from '../protocol-lab.ts';
import { LabRunner } from './lab/runner.ts';

export interface Host {
  post(message: WorkerMessage, transfer?: Transferable[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs fn after delayMs, letting queued requests in first. */
  later(fn: () => void, delayMs: number): void;
  /** The module is broken (a trap or abort): end the worker so the page restarts it. */
  fatal(error: unknown): void;
}

// A slice keeps the worker busy for at most ~SLICE_MS plus one call, so a
// pause or predict request waits less than a frame.
const SLICE_MS = 12;
const BATCHES_PER_CALL = 8;
const PROGRESS_INTERVAL_MS = 100;
// Paced runs wake at about display rate and never bank more than a quarter
// second of batches (a throttled background tab would otherwise burst).
const PACE_TICK_MS = 16;
const MAX_CREDIT_SECONDS = 0.25;
// Speed is measured over the last few seconds of running, once enough has passed to mean something.
const RATE_WINDOW_MS = 3000;
const MIN_RATE_SPAN_MS = 250;

/** Where training stood at a moment of running. */
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

const EMPTY: Snapshot = { epoch: 0, batch: 0, batchesPerEpoch: 0, steps: 0, epochLoss: NaN, epochAccuracy: NaN };

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class Controller {
  private session: Session | null = null;
  /** The optimizer lab's requests and its network job (worker/lab/). */
  private lab: LabRunner | null = null;
  private lastSessionId = 0;
  private state: RunState = 'idle';
  private run: Run | null = null;
  private snap: Snapshot = EMPTY;
  private message = '';
  private pendingLosses: Float32Array[] = [];
  private pendingFirstStep = 0;
  private pendingEpochs: EpochSummary[] = [];
  private examplesSeen = 0;
  private rate: RateSample[] = [];
  private lastProgressAt = -Infinity;
  private tickScheduled = false;

  constructor(
    private readonly mod: MlpModule,
    private readonly host: Host,
  ) {}

  handle(req: Request): void {
    try {
      this.dispatch(req);
    } catch (e) {
      this.host.post({ type: 'error', id: req.id, message: errorMessage(e) });
      if (e instanceof WebAssembly.RuntimeError) this.host.fatal(e);
    }
  }

  private dispatch(req: Request): void {
    if (isLabRequest(req)) {
      this.lab ??= new LabRunner(this.mod, this.host);
      this.lab.handle(req);
      return;
    }
    const post = this.host.post.bind(this.host);
    switch (req.type) {
      case 'configure':
        post({
          type: 'result',
          id: req.id,
          op: 'configure',
          value: this.configure(req.network, req.train, req.data, req.parameters),
        });
        return;
      case 'reset': {
        const s = this.requireSession();
        post({ type: 'result', id: req.id, op: 'reset', value: this.configure(s.network, s.train, s.source) });
        return;
      }
      case 'start':
        this.start(req.epochs, req.batchesPerSecond ?? 0);
        post({ type: 'result', id: req.id, op: 'start', value: this.status() });
        return;
      case 'pause':
        if (this.state === 'running') this.setState('paused');
        post({ type: 'result', id: req.id, op: 'pause', value: this.status() });
        return;
      case 'resume':
        if (this.state === 'paused') this.beginRunning();
        else if (this.state !== 'running') throw new Error(`cannot resume: training is ${this.state}`);
        post({ type: 'result', id: req.id, op: 'resume', value: this.status() });
        return;
      case 'stop':
        this.run = null;
        if (this.state === 'running' || this.state === 'paused') this.setState('idle');
        post({ type: 'result', id: req.id, op: 'stop', value: this.status() });
        return;
      case 'predict': {
        const s = this.requireSession();
        const outputs = engine.predict(s, req.inputs);
        const value = { session: s.id, steps: this.snap.steps, cols: engine.outputCount(s), outputs };
        post({ type: 'result', id: req.id, op: 'predict', value }, transferables(...outputs));
        return;
      }
      case 'evaluate':
        post({ type: 'result', id: req.id, op: 'evaluate', value: engine.evaluate(this.requireSession(), this.snap.steps) });
        return;
      case 'perceptron': {
        const value = engine.runPerceptron(this.mod, req.data, req.learningRate, req.maxEpochs);
        post(
          { type: 'result', id: req.id, op: 'perceptron', value },
          transferables(value.weights, value.errors, value.predictions),
        );
        return;
      }
      case 'loadData':
        this.loadData(req.id, req.data);
        return;
      case 'testReport': {
        const value = testReport(this.requireSession(), this.snap.steps, req.misclassified, req.weightImages);
        post(
          { type: 'result', id: req.id, op: 'testReport', value },
          transferables(value.confusion, value.pixels, value.firstLayer.weights),
        );
        return;
      }
      case 'exportModel': {
        const value = exportModel(this.mod, this.requireSession(), req.metadata);
        post({ type: 'result', id: req.id, op: 'exportModel', value }, transferables(value.bytes, value.parameters));
        return;
      }
      case 'readModel': {
        const value = readModel(this.mod, req.bytes);
        post({ type: 'result', id: req.id, op: 'readModel', value }, transferables(value.parameters));
        return;
      }
      case 'useDigitModel': {
        if (req.model) {
          const m = readModel(this.mod, req.model.bytes);
          setDigitModel(this.mod, m.spec, m.parameters, req.model.label);
        } else {
          usePretrainedDigitModel();
        }
        post({ type: 'result', id: req.id, op: 'useDigitModel', value: { label: digitModelLabel() } });
        return;
      }
      case 'digitModel':
      case 'digitPredict':
        answerDigitRequest(this.mod, req, this.host);
        return;
      default:
        assertNever(req, 'request');
    }
  }

  /** Answers when the data is in the cache; MNIST downloads once, reporting dataProgress. */
  private loadData(id: number, source: DataSource): void {
    const post = this.host.post.bind(this.host);
    switch (source.kind) {
      case 'gate': {
        const d = engine.makeDataset(this.mod, source);
        const value: DataInfo = {
          kind: 'gate',
          train: d.size(),
          validation: 0,
          test: 0,
          features: d.features(),
          classes: d.classes(),
        };
        d.delete();
        post({ type: 'result', id, op: 'loadData', value });
        return;
      }
      case 'mnist':
        loadMnist(this.mod, (stage, loaded, total) => post({ type: 'dataProgress', kind: 'mnist', stage, loaded, total })).then(
          (sets) => {
            const value: DataInfo = {
              kind: 'mnist',
              train: sets.train.size(),
              validation: sets.validation.size(),
              test: sets.test.size(),
              features: sets.train.features(),
              classes: sets.train.classes(),
            };
            post({ type: 'result', id, op: 'loadData', value });
          },
          (e: unknown) => post({ type: 'error', id, message: errorMessage(e) }),
        );
        return;
      default:
        assertNever(source, 'data source');
    }
  }

  private requireSession(): Session {
    if (!this.session) throw new Error('no model yet: send configure first');
    return this.session;
  }

  private status(): RunStatus {
    return { session: this.session?.id ?? 0, state: this.state, epoch: this.snap.epoch, steps: this.snap.steps };
  }

  private configure(
    network: NetworkSpec,
    train: TrainConfig,
    source: DataSource,
    parameters?: Float32Array,
  ): ConfigureResult {
    // Build the new trainer before dropping the old one: a bad spec changes nothing.
    const next = engine.openSession(this.mod, this.lastSessionId + 1, network, train, source, parameters);
    this.lastSessionId = next.id;
    if (this.session) engine.closeSession(this.session);
    this.session = next;
    this.run = null;
    this.snap = EMPTY;
    this.message = '';
    this.pendingLosses = [];
    this.pendingFirstStep = 0;
    this.pendingEpochs = [];
    this.examplesSeen = 0;
    this.rate = [];
    this.state = 'idle';
    this.emitProgress();
    return {
      session: next.id,
      spec: next.trainer.networkSpec(),
      parameterCount: next.trainer.parameters().length,
    };
  }

  private start(epochs: number, batchesPerSecond: number): void {
    this.requireSession();
    if (!(Number.isInteger(epochs) && epochs >= 1)) throw new Error(`epochs must be an integer >= 1, got ${epochs}`);
    if (!(Number.isFinite(batchesPerSecond) && batchesPerSecond >= 0))
      throw new Error(`batchesPerSecond must be finite and >= 0, got ${batchesPerSecond}`);
    this.run = { targetEpoch: this.snap.epoch + epochs, batchesPerSecond, credit: 0, lastTick: 0 };
    this.message = '';
    this.beginRunning();
  }

  private beginRunning(): void {
    if (!this.run) throw new Error('cannot resume: no run was started');
    this.run.credit = 1; // the first batch goes at once, even when paced
    this.run.lastTick = this.host.now();
    this.rate = [{ t: this.run.lastTick, steps: this.snap.steps, examples: this.examplesSeen }];
    this.setState('running');
    this.scheduleTick(0);
  }

  private setState(state: RunState): void {
    this.state = state;
    this.emitProgress();
  }

  private scheduleTick(delayMs: number): void {
    if (this.tickScheduled) return; // a pause + resume must not start a second loop
    this.tickScheduled = true;
    this.host.later(this.tick, delayMs);
  }

  private readonly tick = (): void => {
    this.tickScheduled = false;
    const session = this.session;
    const run = this.run;
    if (this.state !== 'running' || !session || !run) return;
    const t0 = this.host.now();
    let budget = Infinity;
    if (run.batchesPerSecond > 0) {
      const cap = Math.max(1, run.batchesPerSecond * MAX_CREDIT_SECONDS);
      run.credit = Math.min(cap, run.credit + ((t0 - run.lastTick) * run.batchesPerSecond) / 1000);
      run.lastTick = t0;
      budget = Math.floor(run.credit);
    }
    let next: RunState = 'running';
    try {
      while (budget > 0 && this.host.now() - t0 < SLICE_MS) {
        const report = session.trainer.trainBatches(Math.min(budget, BATCHES_PER_CALL));
        if (report.diverged) {
          this.message = report.message;
          next = 'diverged';
          break;
        }
        this.record(report);
        if (report.epochEnded) this.endEpoch(session, report);
        budget -= report.losses.length;
        if (run.batchesPerSecond > 0) run.credit -= report.losses.length;
        if (report.epochEnded && report.epoch >= run.targetEpoch) {
          next = 'finished';
          break;
        }
      }
    } catch (e) {
      next = 'paused';
      this.host.post({ type: 'error', message: `training stopped: ${errorMessage(e)}` });
      if (e instanceof WebAssembly.RuntimeError) this.host.fatal(e);
    }
    this.sampleRate();
    if (next !== 'running') {
      this.setState(next);
      return;
    }
    if (this.host.now() - this.lastProgressAt >= PROGRESS_INTERVAL_MS) this.emitProgress();
    this.scheduleTick(run.batchesPerSecond > 0 ? PACE_TICK_MS : 0);
  };

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
  }

  /** Per-epoch means as trained, and the held-out score after the epoch (MNIST: 5,000 validation images). */
  private endEpoch(session: Session, r: TrainReport): void {
    const v = engine.validate(session);
    this.pendingEpochs.push({
      epoch: r.epoch,
      loss: r.epochLoss,
      accuracy: r.epochAccuracy,
      validationLoss: v?.loss ?? NaN,
      validationAccuracy: v?.accuracy ?? NaN,
    });
  }

  private sampleRate(): void {
    const t = this.host.now();
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

  private emitProgress(): void {
    if (!this.session) return;
    const losses = concat(this.pendingLosses);
    const firstStep = this.pendingLosses.length > 0 ? this.pendingFirstStep : this.snap.steps;
    this.pendingLosses = [];
    const epochsEnded = this.pendingEpochs;
    this.pendingEpochs = [];
    this.lastProgressAt = this.host.now();
    this.host.post(
      {
        type: 'progress',
        session: this.session.id,
        state: this.state,
        ...this.snap,
        targetEpoch: this.run?.targetEpoch ?? this.snap.epoch,
        losses,
        firstStep,
        message: this.message,
        ...this.speed(),
        epochsEnded,
      },
      transferables(losses),
    );
  }
}

function concat(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The buffers of fresh arrays, to move rather than copy them to the page. */
function transferables(...arrays: ArrayBufferView[]): ArrayBuffer[] {
  return arrays.flatMap((a) => (a.buffer instanceof ArrayBuffer ? [a.buffer] : []));
}
