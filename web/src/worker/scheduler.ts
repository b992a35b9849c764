// The one scheduler for every long job in the worker (training a network,
// the optimizer lab's network and landscape, …). Jobs do bounded slices of
// work; the scheduler shares each ~SLICE_MS among the jobs that want to run,
// so any request waits less than a frame, and it throttles each job's events
// to about ten a second — except a job's urgent news (a state change), which
// goes at once. Jobs are keyed by id: two widgets, or two copies of one,
// never touch each other's state.

import type { WorkerMessage } from '../protocol.ts';
import { messageOf } from '../errors.ts';
import type { Host } from './host.ts';

const SLICE_MS = 12;
const EVENT_INTERVAL_MS = 100;

export interface JobEvent {
  message: WorkerMessage;
  transfer: Transferable[];
}

export interface Job {
  readonly id: number;
  /** Milliseconds until the job wants to work again: 0 now, Infinity while it waits (paused, done). */
  wakeIn(now: number): number;
  /** Works for about budgetMs. A throw fails the job (see `fail`), not the worker. */
  slice(budgetMs: number): void;
  /** Something happened that the page must hear now (a state change). */
  readonly urgent: boolean;
  /** What happened since the last event, or null when there is nothing to say. */
  takeEvent(): JobEvent | null;
  /** A slice threw: stop and say why in the next event. */
  fail(message: string): void;
  /** Frees the job's WASM objects. */
  dispose(): void;
}

export class Scheduler {
  private readonly jobs = new Map<number, Job>();
  private readonly lastEventAt = new Map<number, number>();
  private nextId = 1;
  private scheduled = false;
  private wakeAt = Infinity;
  /** Only the latest scheduled tick runs; an earlier-planned one that was overtaken does nothing. */
  private generation = 0;

  constructor(private readonly host: Host) {}

  /** A fresh job id (ids are never reused in a worker's life). */
  allocateId(): number {
    return this.nextId++;
  }

  add(job: Job): void {
    this.jobs.set(job.id, job);
    this.kick();
  }

  /** The job, or an error that says it is gone (closed, replaced, or lost in a worker restart). */
  get(id: number): Job {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`job ${id} is not open (it was closed, or the worker restarted)`);
    return job;
  }

  close(id: number): void {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    this.lastEventAt.delete(id);
    job.dispose();
  }

  /** A job's state changed from outside (a request): report it, and run it if it wants to. */
  kick(): void {
    for (const job of this.jobs.values()) if (job.urgent) this.emit(job);
    this.schedule();
  }

  private schedule(): void {
    const now = this.host.now();
    let wait = Infinity;
    for (const job of this.jobs.values()) wait = Math.min(wait, job.wakeIn(now));
    if (wait === Infinity) return;
    const at = now + Math.max(0, wait);
    if (this.scheduled && at >= this.wakeAt) return;
    this.scheduled = true;
    this.wakeAt = at;
    const generation = ++this.generation;
    this.host.later(() => {
      if (generation === this.generation) this.tick();
    }, Math.max(0, wait));
  }

  private tick(): void {
    this.scheduled = false;
    this.wakeAt = Infinity;
    const t0 = this.host.now();
    const ready = [...this.jobs.values()].filter((j) => j.wakeIn(t0) <= 0);
    const share = SLICE_MS / Math.max(1, ready.length);
    for (const job of ready) {
      try {
        job.slice(share);
      } catch (e) {
        job.fail(messageOf(e));
        if (e instanceof WebAssembly.RuntimeError) this.host.fatal(e);
      }
    }
    const now = this.host.now();
    for (const job of this.jobs.values()) {
      if (job.urgent || now - (this.lastEventAt.get(job.id) ?? -Infinity) >= EVENT_INTERVAL_MS) this.emit(job);
    }
    this.schedule();
  }

  private emit(job: Job): void {
    const event = job.takeEvent();
    if (!event) return;
    this.lastEventAt.set(job.id, this.host.now());
    this.host.post(event.message, event.transfer);
  }
}
