// Turns requests into engine calls. Long work (training) runs as jobs under
// the one Scheduler; the digit service and the MNIST cache belong to this
// controller's module. Timing and posting come from a Host, so this runs under
// Node with a fake clock as well as in the worker.

import type { MlpModule } from '../../generated/mlp-simd.mjs';
import type { DataInfo, DataSource, Request } from '../protocol.ts';
import { assertNever } from '../protocol.ts';
import { isLabRequest } from '../protocol-lab.ts';
import { isLessonRequest } from '../protocol-lessons.ts';
import { isPlaygroundRequest } from '../protocol-playground.ts';
import { isTheoryRequest } from '../protocol-theory.ts';
import { fieldOf, messageOf } from '../errors.ts';
import { DigitService } from './digits.ts';
import * as engine from './engine.ts';
import { transferables, type Host } from './host.ts';
import { exportModel, readModel, testReport } from './inspect.ts';
import { TrainJob } from './jobs/train-job.ts';
import { answerLab } from './lab/requests.ts';
import { answerLesson } from './lessons.ts';
import { loadMnist, mnistBaseUrl } from './mnist.ts';
import { bundledMnist, bundledModelBytes } from './offline.ts';
import { answerPlayground } from './playground.ts';
import { Scheduler } from './scheduler.ts';
import { answerTheory } from './theory/requests.ts';

export class Controller {
  private readonly scheduler: Scheduler;
  readonly digits: DigitService;

  /** `digits`: the service already reading digits on the digit reader, if the worker started with one. */
  constructor(
    private readonly mod: MlpModule,
    private readonly host: Host,
    digits?: DigitService,
  ) {
    this.scheduler = new Scheduler(host);
    this.digits = digits ?? new DigitService(mod, bundledModelBytes() ?? undefined);
  }

  handle(req: Request): void {
    try {
      this.dispatch(req);
    } catch (e) {
      this.host.post({ type: 'error', id: req.id, message: messageOf(e), field: fieldOf(e) });
      if (e instanceof WebAssembly.RuntimeError) this.host.fatal(e);
    }
  }

  private trainJob(id: number): TrainJob {
    const job = this.scheduler.get(id);
    if (!(job instanceof TrainJob)) throw new Error(`job ${id} is not a training job`);
    return job;
  }

  private dispatch(req: Request): void {
    if (isLabRequest(req)) {
      answerLab(this.mod, this.scheduler, this.host, req);
      return;
    }
    if (isLessonRequest(req)) {
      answerLesson(this.mod, this.host, req);
      return;
    }
    if (isPlaygroundRequest(req)) {
      answerPlayground(this.mod, (id) => this.trainJob(id), this.host, req);
      return;
    }
    if (isTheoryRequest(req)) {
      answerTheory(this.mod, this.scheduler, this.host, req);
      return;
    }
    const post = this.host.post.bind(this.host);
    switch (req.type) {
      case 'open': {
        // Built before anything is closed: a bad spec changes nothing.
        const job = new TrainJob(this.mod, this.scheduler.allocateId(), req, () => this.host.now());
        if (req.replaces !== undefined) this.scheduler.close(req.replaces);
        this.scheduler.add(job);
        post({ type: 'result', id: req.id, op: 'open', value: opened(job) });
        return;
      }
      case 'close':
        this.scheduler.close(req.job);
        post({ type: 'result', id: req.id, op: 'close', value: { job: req.job } });
        return;
      case 'reset': {
        const job = this.trainJob(req.job);
        job.reset();
        this.scheduler.kick();
        post({ type: 'result', id: req.id, op: 'reset', value: opened(job) });
        return;
      }
      case 'start':
      case 'pause':
      case 'resume':
      case 'stop': {
        const job = this.trainJob(req.job);
        if (req.type === 'start') job.start(req.epochs, req.batchesPerSecond ?? 0);
        else if (req.type === 'pause') job.pause();
        else if (req.type === 'resume') job.resume();
        else job.stop();
        this.scheduler.kick();
        post({ type: 'result', id: req.id, op: req.type, value: job.status() } as const);
        return;
      }
      case 'setTrain': {
        const job = this.trainJob(req.job);
        job.setTrain(req.train);
        this.scheduler.kick();
        const value = { ...job.status(), batchesPerEpoch: job.session.trainer.batchesPerEpoch() };
        post({ type: 'result', id: req.id, op: 'setTrain', value });
        return;
      }
      case 'predict': {
        const job = this.trainJob(req.job);
        const outputs = engine.predict(job.session, req.inputs);
        const value = { job: job.id, steps: job.steps, cols: engine.outputCount(job.session), outputs };
        post({ type: 'result', id: req.id, op: 'predict', value }, transferables(...outputs));
        return;
      }
      case 'evaluate': {
        const job = this.trainJob(req.job);
        post({ type: 'result', id: req.id, op: 'evaluate', value: engine.evaluate(job.session, job.steps) });
        return;
      }
      case 'testReport': {
        const job = this.trainJob(req.job);
        const value = testReport(job.session, job.steps, req.misclassified, req.weightImages);
        post(
          { type: 'result', id: req.id, op: 'testReport', value },
          transferables(value.confusion, value.pixels, value.firstLayer.weights),
        );
        return;
      }
      case 'exportModel': {
        const value = exportModel(this.mod, this.trainJob(req.job).session, req.metadata);
        post({ type: 'result', id: req.id, op: 'exportModel', value }, transferables(value.bytes, value.parameters));
        return;
      }
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
      case 'readModel': {
        const value = readModel(this.mod, req.bytes);
        post({ type: 'result', id: req.id, op: 'readModel', value }, transferables(value.parameters));
        return;
      }
      case 'useDigitModel':
      case 'digitModel':
      case 'digitPredict':
        this.digits.answer(req, this.host);
        return;
      default:
        assertNever(req, 'request');
    }
  }

  /** Answers when the data is in the cache; MNIST downloads once, reporting dataProgress. */
  private loadData(id: number, source: DataSource): void {
    const post = this.host.post.bind(this.host);
    const answer = (d: { size(): number; features(): number; classes(): number }, held: Pick<DataInfo, 'validation' | 'test'>): void =>
      post({
        type: 'result',
        id,
        op: 'loadData',
        value: { kind: source.kind, train: d.size(), features: d.features(), classes: d.classes(), ...held },
      });
    switch (source.kind) {
      case 'gate': {
        const d = engine.makeDataset(this.mod, source);
        answer(d, { validation: 0, test: 0 });
        d.delete();
        return;
      }
      case 'playground': {
        const d = engine.makeDataset(this.mod, source);
        const test = this.mod.playgroundData(source.data).test;
        answer(d, { validation: test, test: 0 });
        d.delete();
        return;
      }
      case 'mnist': {
        // The single-file build answers from its inlined subset.
        const offline = bundledMnist();
        loadMnist(
          this.mod,
          (stage, loaded, total) => post({ type: 'dataProgress', kind: 'mnist', stage, loaded, total }),
          offline?.baseUrl ?? mnistBaseUrl(),
          offline?.fetchBytes,
          offline?.split,
        ).then(
          (sets) => answer(sets.train, { validation: sets.validation.size(), test: sets.test.size() }),
          (e: unknown) => post({ type: 'error', id, message: messageOf(e) }),
        );
        return;
      }
      default:
        assertNever(source, 'data source');
    }
  }
}

function opened(job: TrainJob) {
  const { trainer } = job.session;
  return {
    job: job.id,
    spec: trainer.networkSpec(),
    parameterCount: trainer.parameters().length,
    batchesPerEpoch: trainer.batchesPerEpoch(),
  };
}
