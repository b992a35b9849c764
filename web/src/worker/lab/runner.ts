// The optimizer lab's side of the worker: answers `lab-…` requests (the
// controller routes them here) and runs the network job in bounded slices,
// posting throttled `lab-net` events. Timing and posting come from the same
// Host as the controller's, so this runs under Node with a fake clock too.

import type { MlpModule } from '../../../generated/mlp-simd.mjs';
import type { LabNetEvent, LabRequest, NetJobStatus } from '../../protocol-lab.ts';
import { assertNever } from '../../protocol.ts';
import type { Host } from '../controller.ts';
import { NetJob } from './network-job.ts';
import { regressionPaths, regressionSetup } from './regression.ts';
import { racePaths, surfaceField } from './surfaces.ts';

// Like the controller's training slices: busy for at most ~SLICE_MS, so any
// request waits less than a frame; events about ten times a second.
const SLICE_MS = 12;
const EVENT_INTERVAL_MS = 100;

const buffers = (...arrays: ArrayBufferView[]): ArrayBuffer[] =>
  arrays.flatMap((a) => (a.buffer instanceof ArrayBuffer ? [a.buffer] : []));

function eventBuffers(e: LabNetEvent): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = e.added.flatMap((p) => [p.epoch, p.loss, p.accuracy, p.ms]);
  if (e.landscape) arrays.push(e.landscape.values, ...e.landscape.paths.flatMap((p) => [p.alpha, p.beta]));
  return buffers(...arrays);
}

export class LabRunner {
  private job: NetJob | null = null;
  private lastJobId = 0;
  private lastEventAt = -Infinity;
  private tickScheduled = false;

  constructor(
    private readonly mod: MlpModule,
    private readonly host: Host,
  ) {}

  /** Answers one request with exactly one result; a throw becomes the request's error (see Controller.handle). */
  handle(req: LabRequest): void {
    const post = this.host.post.bind(this.host);
    switch (req.type) {
      case 'lab-surface': {
        const value = surfaceField(this.mod, req);
        post({ type: 'result', id: req.id, op: req.type, value }, buffers(value.values));
        return;
      }
      case 'lab-race': {
        const paths = racePaths(this.mod, req);
        post(
          { type: 'result', id: req.id, op: req.type, value: { paths } },
          buffers(...paths.flatMap((p) => [p.x, p.y, p.loss, p.distance])),
        );
        return;
      }
      case 'lab-regression-setup': {
        const value = regressionSetup(this.mod, req);
        post({ type: 'result', id: req.id, op: req.type, value }, buffers(value.x, value.y, value.values));
        return;
      }
      case 'lab-regression-walks': {
        const paths = regressionPaths(this.mod, req);
        post(
          { type: 'result', id: req.id, op: req.type, value: { paths } },
          buffers(...paths.flatMap((p) => [p.theta0, p.theta1, p.loss, p.examples, p.epoch])),
        );
        return;
      }
      case 'lab-net-train': {
        // Build the new job before dropping the old one: a bad config changes nothing.
        const job = new NetJob(this.mod, this.lastJobId + 1, req.config, () => this.host.now());
        this.lastJobId = job.id;
        this.job?.dispose();
        this.job = job;
        post({ type: 'result', id: req.id, op: req.type, value: this.status(job) });
        this.kick();
        return;
      }
      case 'lab-net-control': {
        const job = this.requireJob(req.job);
        if (req.action === 'pause') job.pause();
        else if (req.action === 'resume') job.resume();
        else {
          job.dispose();
          this.job = null;
        }
        post({ type: 'result', id: req.id, op: req.type, value: this.status(job) });
        if (this.job) this.kick();
        return;
      }
      case 'lab-net-landscape': {
        const job = this.requireJob(req.job);
        job.recomputeLandscape(req.landscape);
        post({ type: 'result', id: req.id, op: req.type, value: this.status(job) });
        this.kick();
        return;
      }
      default:
        assertNever(req, 'lab request');
    }
  }

  private status(job: NetJob): NetJobStatus {
    return { job: job.id, phase: job.phase, parameterCount: job.parameterCount };
  }

  private requireJob(id: number): NetJob {
    if (!this.job || this.job.id !== id) throw new Error(`network job ${id} is not running (it was replaced or closed)`);
    return this.job;
  }

  /** Reports a phase change at once and keeps slicing while there is work. */
  private kick(): void {
    const job = this.job;
    if (job?.phaseChanged) this.emit(job);
    if (!job?.busy() || this.tickScheduled) return;
    this.tickScheduled = true;
    this.host.later(this.tick, 0);
  }

  private readonly tick = (): void => {
    this.tickScheduled = false;
    const job = this.job;
    if (!job) return;
    try {
      job.slice(SLICE_MS);
    } catch (e) {
      job.phase = 'failed';
      job.phaseChanged = true;
      job.message = e instanceof Error ? e.message : String(e);
      if (e instanceof WebAssembly.RuntimeError) this.host.fatal(e);
    }
    if (job.phaseChanged || this.host.now() - this.lastEventAt >= EVENT_INTERVAL_MS) this.emit(job);
    this.kick();
  };

  private emit(job: NetJob): void {
    const event = job.takeEvent();
    this.lastEventAt = this.host.now();
    this.host.post(event, eventBuffers(event));
  }
}
