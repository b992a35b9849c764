// Where the site's static files (public/: the pretrained model, packed MNIST)
// are, seen from the worker. The built site uses relative URLs so it works
// under any sub-path without rebuilding, and a relative path in the worker
// would resolve against the worker's own script (in assets/): the page passes
// its own folder as `site=` in the worker's options instead
// (worker-options.ts).

import { workerOptions } from './worker-options.ts';

/** The URL of `path` (e.g. 'models/mnist-mlp.mlpl') under the site's root. */
export function siteUrl(path: string): string {
  const here = globalThis.location?.href ?? 'http://localhost/';
  const site = workerOptions().get('site');
  const base = site ?? new URL(import.meta.env?.BASE_URL ?? '/', here).href;
  return new URL(path, base).href;
}
