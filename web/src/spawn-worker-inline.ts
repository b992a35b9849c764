// The single-file build's worker (dist/mlp-lab.html, opened from file://): a
// classic worker from a blob: URL, since a module worker from a blob: URL is
// refused there. Vite inlines the worker's code, the WASM and the data. It
// needs no URLs: everything it loads is inside.

import InlineWorker from './worker/worker.ts?worker&inline';

export function spawnWorker(): Worker {
  return new InlineWorker({ name: 'mlp-lab' });
}
