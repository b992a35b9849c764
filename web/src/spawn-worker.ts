// Starts the worker that owns the WASM module: a module worker from its own
// file (the single-file build puts web/src/spawn-worker-inline.ts here). Its
// URL carries the page's ?wasm=simd|scalar (the worker picks the build) and
// the site's folder (relative paths in the worker would resolve against its
// own script in assets/). An embed asks for one thread (see worker/flavour.ts).
// A page opening on Draw says so (`digits`): the worker prefetches the model.

import workerUrl from './worker/worker.ts?worker&url';
import { routeOf } from './router.ts';
import { widgets } from './widgets/registry.ts';

export function spawnWorker(): Worker {
  const url = new URL(workerUrl, import.meta.url);
  const wasm = new URLSearchParams(location.search).get('wasm');
  if (wasm) url.searchParams.set('wasm', wasm);
  if (new URLSearchParams(location.search).has('embed')) url.searchParams.set('single', '');
  url.searchParams.set('site', new URL('.', location.href).href);
  // Opening on the Draw view (also the home route): the worker fetches the model beside the WASM.
  const route = routeOf(location.hash);
  if ((widgets.find((w) => w.route === route) ?? widgets[0])?.route === 'draw') url.searchParams.set('digits', '');
  return new Worker(url, { type: 'module', name: 'mlp-lab' });
}
