// The Train view's run, owned by the page rather than the view: it goes on
// while the person is in another view (the header shows it), and coming back
// shows live progress and the whole history. Whenever training pauses, stops
// or finishes, the model is saved to this run's entry of the library, with
// its loss and accuracy history and its test report, so after a reload it
// comes back as it was. Saving never changes the model the Draw view reads
// with: the person picks that in the library.

import type { Vocabulary } from '../../../generated/mlp-simd.mjs';
import type { DataInfo, TestReport } from '../../protocol.ts';
import type { EpochSummary, ProgressEvent } from '../../protocol-runs.ts';
import { fieldOf, messageOf } from '../../errors.ts';
import { describeStorageError, type LibraryModel, type ModelLibrary, type TrainingHistory } from '../../model/library.ts';
import { publishRunStatus } from '../../run-chip.ts';
import { hrefFor } from '../../router.ts';
import type { WorkerClient } from '../../worker-client.ts';
import type { DataStatus, RunView } from './progress.ts';
import { MISTAKES_SHOWN, WEIGHTS_SHOWN } from './report.ts';
import { LossHistory } from './loss-history.ts';
import { openSaved, type OpenedModel } from './model-files.ts';
import { keepRun, runMetadata, type RunEntry } from './run-library.ts';
import { changeKind, networkSpec, trainConfig, type TrainSettings } from './settings.ts';

const MNIST = { kind: 'mnist' } as const;

/** What changed, so a mounted view redraws only that. */
export type RunChange =
  | { kind: 'data' }
  | { kind: 'built' }
  /** `firstStep`: the position of the event's first loss in the whole history; `epochs`: the ended epochs, counted from the model's start. */
  | { kind: 'progress'; event: ProgressEvent; firstStep: number; epochs: EpochSummary[] }
  | { kind: 'report' }
  | { kind: 'saved'; message: string }
  | { kind: 'problem'; message: string; field: string | null }
  | { kind: 'storage'; message: string };

/** The job's network and the library entry it saves to. */
export interface Built extends RunEntry {
  /** Epochs the weights had when the job opened (a restored or imported model). */
  baseEpochs: number;
}

export class TrainRun {
  data: DataStatus = { kind: 'loading', stage: 'download', loaded: 0, total: 0 };
  dataInfo: DataInfo | null = null;
  job: number | null = null;
  built: Built | null = null;
  status: RunView | null = null;
  readonly losses = new LossHistory();
  epochs: EpochSummary[] = [];
  report: TestReport | null = null;
  reportSubject = '';
  busy = false;
  private started: Promise<void> | null = null;
  private savedSteps = -1;
  private readonly listeners = new Set<(c: RunChange) => void>();

  constructor(
    private readonly worker: WorkerClient,
    readonly library: ModelLibrary,
    private readonly vocabulary: Vocabulary,
  ) {
    worker.onProgress((p) => this.onProgress(p));
    worker.onDataProgress((e) => {
      if (e.kind !== 'mnist' || e.stage === 'ready') return;
      this.data = { kind: 'loading', stage: e.stage, loaded: e.loaded, total: e.total };
      this.emit({ kind: 'data' });
    });
    worker.onConnection((e) => {
      if (e.kind === 'crashed') {
        this.job = null;
        this.status = null;
        this.started = null;
        this.emit({ kind: 'built' });
      }
    });
  }

  subscribe(listener: (c: RunChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads MNIST and brings back the library's current model (or builds `fallback`); once, and again after a worker restart. */
  start(fallback: TrainSettings): Promise<void> {
    this.started ??= this.boot(fallback);
    return this.started;
  }

  private async boot(fallback: TrainSettings): Promise<void> {
    const [ok, current] = await Promise.all([this.loadData(), this.currentModel()]);
    if (!ok) {
      this.started = null; // "Try again" starts over
      return;
    }
    if (current && (await this.open(current, 'Restored from this browser’s library.'))) return;
    await this.build(fallback);
  }

  private async loadData(): Promise<boolean> {
    this.data = { kind: 'loading', stage: 'download', loaded: 0, total: 0 };
    this.emit({ kind: 'data' });
    try {
      this.dataInfo = await this.worker.request({ type: 'loadData', data: MNIST });
      this.data = { kind: 'ready', info: this.dataInfo };
    } catch (e) {
      this.data = { kind: 'error', message: messageOf(e) };
    }
    this.emit({ kind: 'data' });
    return this.data.kind === 'ready';
  }

  private async currentModel(): Promise<LibraryModel | null> {
    try {
      const id = await this.library.pref('current');
      return id === null ? null : await this.library.get(id);
    } catch (e) {
      this.emit({ kind: 'storage', message: `Saved models cannot be read in this browser: ${describeStorageError(e)}` });
      return null;
    }
  }

  get ready(): boolean {
    return this.data.kind === 'ready' && this.job !== null && !this.busy;
  }

  /** Epochs the current weights have been trained, fractional. */
  epochsDone(): number {
    const s = this.status;
    return (this.built?.baseEpochs ?? 0) + (s ? s.epoch + s.batch / Math.max(1, s.batchesPerEpoch) : 0);
  }

  /** A new job from settings, or from a saved model's weights (then its history and report come back too). */
  async build(settings: TrainSettings | null, from?: OpenedModel): Promise<boolean> {
    this.busy = true;
    this.emit({ kind: 'built' });
    try {
      const network = from ? { ...from.spec, seed: settings?.seed ?? 1 } : networkSpec(settings as TrainSettings);
      const r = await this.worker.request({
        type: 'open',
        network,
        train: settings ? trainConfig(this.vocabulary, settings) : {},
        data: MNIST,
        parameters: from?.parameters,
        replaces: this.job ?? undefined,
      });
      this.job = r.job;
      this.built = {
        settings,
        baseEpochs: from?.epochs ?? 0,
        entryId: from?.entryId ?? null,
        entryName: from?.name ?? null,
        origin: from?.origin ?? { kind: 'trained' },
      };
      this.status = { state: 'idle', epoch: 0, batch: 0, batchesPerEpoch: r.batchesPerEpoch, targetEpoch: 0, steps: 0, examplesPerSecond: 0, secondsLeft: NaN, validationAccuracy: NaN, message: '', baseEpochs: this.built.baseEpochs };
      this.losses.reset(from?.history?.losses, from?.history?.batchesPerEpoch ?? r.batchesPerEpoch);
      this.epochs = from?.history?.epochs.slice() ?? [];
      this.report = from?.report ?? null;
      this.reportSubject = from ? 'your saved model' : '';
      this.savedSteps = from ? 0 : -1;
      return true;
    } catch (e) {
      this.emit({ kind: 'problem', message: messageOf(e), field: fieldOf(e) });
      return false;
    } finally {
      this.busy = false;
      this.emit({ kind: 'built' });
      this.emit({ kind: 'report' });
    }
  }

  /** A library model in a new job, with its history and report; false (saying why) when it cannot be used. */
  async open(m: LibraryModel, why: string): Promise<boolean> {
    try {
      const opened = await openSaved(this.worker, this.vocabulary, m);
      if (!(await this.build(opened.settings, opened))) return false;
      await this.library.setPref('current', m.id).catch(() => undefined);
      if (!this.report) {
        await this.evaluate(m.origin.kind === 'imported' ? `imported ${m.origin.fileName}` : 'your saved model');
        // A model without a score (an imported file) keeps the one it just got.
        const report = this.report as TestReport | null; // set by evaluate()
        if (report && !Number.isFinite(m.testAccuracy)) {
          await this.library.put({ ...m, testAccuracy: report.accuracy, report }).catch(() => undefined);
        }
      }
      this.emit({ kind: 'saved', message: why });
      return true;
    } catch (e) {
      this.emit({ kind: 'storage', message: `“${m.name}” could not be opened (${messageOf(e)}). It is still in the library.` });
      return false;
    }
  }

  /** Train with these settings: continue the network (with new hyper-parameters) or start a new one. */
  async train(settings: TrainSettings): Promise<void> {
    const built = this.built;
    const change = built?.settings ? changeKind(built.settings, settings) : { kind: 'rebuild' as const, what: [] };
    if (this.job === null || change.kind === 'rebuild') {
      if (!(await this.build(settings))) return;
    } else if (change.kind === 'continue') {
      await this.worker.request({ type: 'setTrain', job: this.job, train: trainConfig(this.vocabulary, settings) });
    }
    const job = this.job;
    if (job === null || !this.built) return;
    this.built.settings = settings;
    if (this.status?.state === 'paused' && change.kind === 'same') await this.worker.request({ type: 'resume', job });
    else await this.worker.request({ type: 'start', job, epochs: settings.epochs });
  }

  async control(action: 'pause' | 'stop'): Promise<void> {
    if (this.job !== null) await this.worker.request({ type: action, job: this.job });
  }

  /** The current model on the 10,000 test images. */
  async evaluate(subject = 'the current model'): Promise<void> {
    if (this.job === null) return;
    try {
      const r = await this.requestReport(this.job);
      if (r.job !== this.job) return;
      this.report = r;
      this.reportSubject = subject;
      this.emit({ kind: 'report' });
    } catch (e) {
      this.emit({ kind: 'problem', message: messageOf(e), field: null });
    }
  }

  private onProgress(p: ProgressEvent): void {
    if (p.job !== this.job || !this.built) return;
    const was = this.status?.state;
    const firstStep = this.losses.size;
    this.losses.add(p.losses, p.batchesPerEpoch);
    // A restored model's epochs go on from where it was.
    const ended = p.epochsEnded.map((e) => ({ ...e, epoch: this.built ? this.built.baseEpochs + e.epoch : e.epoch }));
    this.epochs.push(...ended);
    const last = this.epochs[this.epochs.length - 1];
    this.status = {
      state: p.state,
      epoch: p.epoch,
      batch: p.batch,
      batchesPerEpoch: p.batchesPerEpoch,
      targetEpoch: p.targetEpoch,
      steps: p.steps,
      examplesPerSecond: p.examplesPerSecond,
      secondsLeft: p.secondsLeft,
      validationAccuracy: last?.validationAccuracy ?? NaN,
      message: p.message,
      baseEpochs: this.built.baseEpochs,
    };
    publishRunStatus({ state: p.state, epochs: this.epochsDone(), targetEpoch: this.built.baseEpochs + p.targetEpoch, href: hrefFor('train') });
    this.emit({ kind: 'progress', event: p, firstStep, epochs: ended });
    if (was === p.state) return;
    if (p.state === 'finished') void this.save('finished');
    else if (p.state === 'paused') void this.save('paused');
    else if (p.state === 'idle' && (was === 'running' || was === 'paused')) void this.save('stopped');
  }

  /** Scores the model and saves it (with its history and report) to this run's library entry. */
  async save(reason: string): Promise<void> {
    const job = this.job;
    const built = this.built;
    const steps = this.status?.steps ?? 0;
    if (job === null || !built || steps === 0 || steps === this.savedSteps) return;
    this.savedSteps = steps;
    const epochs = this.epochsDone();
    try {
      // Both requests leave together, so nothing can come between them.
      const [report, file] = await Promise.all([
        this.requestReport(job),
        this.worker.request({ type: 'exportModel', job, metadata: runMetadata(built.settings, epochs) }),
      ]);
      if (job !== this.job) return;
      this.report = report;
      this.reportSubject = 'the current model';
      this.emit({ kind: 'report' });
      const history: TrainingHistory = { losses: this.losses.values(), batchesPerEpoch: this.losses.batchesPerEpoch, epochs: this.epochs.slice() };
      const { id, name } = await keepRun(this.library, built, { file, report, epochs, history });
      built.entryId = id;
      built.entryName = name;
      this.emit({ kind: 'saved', message: `Saved to the library as “${name}” when training ${reason} (${(report.accuracy * 100).toFixed(2)}% on the test set).` });
    } catch (e) {
      this.savedSteps = -1;
      this.emit({ kind: 'storage', message: `The model could not be saved in this browser: ${describeStorageError(e)}` });
    }
  }

  /** The test-set report the view shows: accuracy, the confusion matrix, some mistakes and weight images. */
  private requestReport(job: number): Promise<TestReport> {
    return this.worker.request({ type: 'testReport', job, misclassified: MISTAKES_SHOWN, weightImages: WEIGHTS_SHOWN });
  }

  private emit(c: RunChange): void {
    for (const l of this.listeners) l(c);
  }
}
