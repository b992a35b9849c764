// The page's end of the worker: typed request/response by id, progress
// subscriptions, and a restart when the worker dies. A lazy client starts its
// worker only on start() (an embed, once it is seen); requests made before
// wait for it.

import type { DataProgressEvent, ReadyEvent, RequestBody, RequestType, Results, WorkerMessage } from './protocol.ts';
import type { ProgressEvent } from './protocol-runs.ts';
import { assertNever } from './protocol.ts';
import type { LabEvent } from './protocol-lab.ts';
import type { TheoryEvent } from './protocol-theory.ts';
import { FieldError } from './errors.ts';

export type ConnectionEvent =
  /**
   * The module is up; `restarted` after a crash, when widgets must configure again. `upgrade`: the
   * same worker said ready before, with its digit reader, and now has the full module (nothing was lost).
   */
  | { kind: 'ready'; info: ReadyEvent; restarted: boolean; upgrade: boolean }
  /** The worker reported a failure outside any request (e.g. the module did not load). */
  | { kind: 'error'; message: string }
  /** The worker died; it is started again unless it keeps dying. */
  | { kind: 'crashed'; message: string; restarting: boolean };

interface Pending {
  // Typed per request in request(); the map holds all kinds.
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** More crashes than this within CRASH_WINDOW_MS and we stop restarting. */
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 30_000;

export class WorkerClient {
  private worker: Worker | null = null;
  /** Requests made before the worker started, posted when it does. */
  private readonly queued: { message: unknown; transfer: Transferable[] }[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly progressListeners = new Set<(e: ProgressEvent) => void>();
  private readonly dataProgressListeners = new Set<(e: DataProgressEvent) => void>();
  private readonly labListeners = new Set<(e: LabEvent) => void>();
  private readonly theoryListeners = new Set<(e: TheoryEvent) => void>();
  private readonly connectionListeners = new Set<(e: ConnectionEvent) => void>();
  private crashTimes: number[] = [];
  private restarted = false;
  private dead = false;
  /** The running build, once the worker said ready. */
  info: ReadyEvent | null = null;
  private readyWaiters: ((info: ReadyEvent) => void)[] = [];

  constructor(
    private readonly spawn: () => Worker,
    options: { lazy?: boolean } = {},
  ) {
    if (!options.lazy) this.start();
  }

  /** Starts the worker (once; a stopped client stays stopped). */
  start(): void {
    if (this.worker || this.dead) return;
    this.worker = this.connect();
    for (const q of this.queued.splice(0)) this.worker.postMessage(q.message, q.transfer);
  }

  /** Whether a worker is running (started and not stopped). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Sends a request; resolves with its typed result, rejects with the worker's error (a FieldError naming the core's field, if any). */
  request<K extends RequestType>(body: RequestBody<K> & { type: K }, transfer: Transferable[] = []): Promise<Results[K]> {
    if (this.dead) return Promise.reject(new Error('The worker is not running (it crashed repeatedly). Reload the page.'));
    const id = this.nextId++;
    return new Promise<Results[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.worker) this.worker.postMessage({ ...body, id }, transfer);
      else this.queued.push({ message: { ...body, id }, transfer });
    });
  }

  /** The running build (and the core's vocabulary): now if the worker is up, else when it says ready. */
  ready(): Promise<ReadyEvent> {
    if (this.info) return Promise.resolve(this.info);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  onProgress(listener: (e: ProgressEvent) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** The optimizer lab's network job (`lab-net` events). */
  onLab(listener: (e: LabEvent) => void): () => void {
    this.labListeners.add(listener);
    return () => this.labListeners.delete(listener);
  }

  /** The theory lessons' jobs (`theory-…` events); each listener picks its own job by id. */
  onTheory(listener: (e: TheoryEvent) => void): () => void {
    this.theoryListeners.add(listener);
    return () => this.theoryListeners.delete(listener);
  }

  /** Data-set downloads and parsing (e.g. MNIST). */
  onDataProgress(listener: (e: DataProgressEvent) => void): () => void {
    this.dataProgressListeners.add(listener);
    return () => this.dataProgressListeners.delete(listener);
  }

  onConnection(listener: (e: ConnectionEvent) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Stops the worker for good and frees its memory (e.g. when an embed is unloaded). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.dead = true;
    this.info = null;
    this.queued.length = 0;
    this.failPending('The worker was closed.');
  }

  private connect(): Worker {
    const worker = this.spawn();
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crash(e.message || 'the worker failed to start');
    };
    worker.onmessageerror = () => this.emit({ kind: 'error', message: 'A message from the worker could not be read.' });
    return worker;
  }

  private receive(msg: WorkerMessage): void {
    switch (msg.type) {
      case 'ready': {
        const upgrade = this.info !== null;
        this.info = msg;
        for (const w of this.readyWaiters.splice(0)) w(msg);
        this.emit({ kind: 'ready', info: msg, restarted: this.restarted && !upgrade, upgrade });
        return;
      }
      case 'progress':
        for (const l of this.progressListeners) l(msg);
        return;
      case 'dataProgress':
        for (const l of this.dataProgressListeners) l(msg);
        return;
      case 'lab-net':
        for (const l of this.labListeners) l(msg);
        return;
      case 'theory-vanishing':
      case 'theory-uat':
      case 'theory-uat-sweep':
        for (const l of this.theoryListeners) l(msg);
        return;
      case 'result': {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        p?.resolve(msg.value);
        return;
      }
      case 'error': {
        const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
        if (p && msg.id !== undefined) {
          this.pending.delete(msg.id);
          p.reject(new FieldError(msg.message, msg.field ?? null));
        } else {
          this.emit({ kind: 'error', message: msg.message });
        }
        return;
      }
      default:
        assertNever(msg, 'worker message');
    }
  }

  private crash(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.info = null;
    this.failPending(`The worker stopped: ${message}`);
    const now = Date.now();
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const restarting = this.crashTimes.length <= MAX_CRASHES;
    this.emit({ kind: 'crashed', message, restarting });
    if (restarting) {
      this.restarted = true;
      this.worker = this.connect();
    } else {
      this.dead = true;
    }
  }

  private failPending(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  private emit(e: ConnectionEvent): void {
    for (const l of this.connectionListeners) l(e);
  }
}
