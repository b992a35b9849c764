// What the worker's logic needs from its surroundings: posting, a clock, a way
// to run later, and a way to die. The worker gives the real ones; Node tests a
// fake with a clock they drive (tests/node/fake-host.mjs).

import type { WorkerMessage } from '../protocol.ts';

export interface Host {
  post(message: WorkerMessage, transfer?: Transferable[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs fn after delayMs, letting queued requests in first. */
  later(fn: () => void, delayMs: number): void;
  /** The module is broken (a trap or abort): end the worker so the page restarts it. */
  fatal(error: unknown): void;
}

/** The buffers of fresh arrays, to move rather than copy them to the page. */
export function transferables(...arrays: ArrayBufferView[]): ArrayBuffer[] {
  return arrays.flatMap((a) => (a.buffer instanceof ArrayBuffer ? [a.buffer] : []));
}
