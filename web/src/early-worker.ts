// The worker starts while the rest of the page's code is still being
// evaluated: main.ts imports this module first, and ES modules run their
// imports in order. Starting a worker takes some 100 ms on a 2-core machine
// (more while the page itself starts); this way it overlaps with the page's
// own start instead of following it. An embed starts its worker only once it
// is seen (a lazy WorkerClient), so it gets none here.

import { spawnWorker } from './spawn-worker.ts';

let early: Worker | null = new URLSearchParams(location.search).has('embed') ? null : spawnWorker();

/** spawnWorker, except that the first call takes the worker started at load. */
export function spawnEarlyWorker(): Worker {
  const worker = early ?? spawnWorker();
  early = null;
  return worker;
}
