// Starts the worker that owns the WASM module: a module worker from its own
// file (the single-file build puts web/src/spawn-worker-inline.ts here). Its
// options carry the page's ?wasm=simd|scalar (the worker picks the build) and
// the site's folder (relative paths in the worker would resolve against its
// own script in assets/). An embed asks for one thread (see worker/flavour.ts).
// A page opening on Draw starts the Draw worker (worker/worker-draw.ts: the
// digit reader first) and downloads the reader and the model for it at once
// (digit-assets.ts).

import workerUrl from './worker/worker.ts?worker&url';
import drawWorkerUrl from './worker/worker-draw.ts?worker&url';
import { sendDigitAssets } from './digit-assets.ts';
import { routeOf } from './router.ts';

export function spawnWorker(): Worker {
  // Opening on the Draw view, also the home route (the first of widgets/registry.ts, not imported
  // here: this runs before the page's other code, see early-worker.ts). An unknown route also shows
  // the home view, with the general worker (it reads digits with the full module).
  const route = routeOf(location.hash);
  const digits = route === null || route === 'draw';
  const url = new URL(digits ? drawWorkerUrl : workerUrl, import.meta.url);
  // The options travel in the worker's name, not its URL (worker/worker-options.ts).
  const options = new URLSearchParams();
  const wasm = new URLSearchParams(location.search).get('wasm');
  if (wasm) options.set('wasm', wasm);
  if (new URLSearchParams(location.search).has('embed')) options.set('single', '');
  const site = new URL('.', location.href).href;
  options.set('site', site);
  const worker = new Worker(url, { type: 'module', name: `mlp-lab?${options}` });
  if (digits) sendDigitAssets(worker, site);
  return worker;
}
