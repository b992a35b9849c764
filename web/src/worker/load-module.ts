// Instantiates the WASM flavour chosen by flavour.ts (and, for worker-draw.ts,
// the digit reader). The single-file build puts load-module-inline.ts here
// (vite.single.mjs).

import type { MlpModule, ModuleOptions } from '../../generated/mlp-simd.mjs';
import type { Flavour } from '../protocol.ts';

type Factory<M> = (options?: ModuleOptions) => Promise<M>;

// Literal specifiers, so the bundler emits each glue file (and its .wasm
// asset) as a separate chunk and only the chosen one is downloaded.
export function loadModule(flavour: Flavour): Promise<MlpModule> {
  if (flavour === 'threads') return loadThreads();
  const glue = (load: () => Promise<{ default: Factory<MlpModule> }>) => load().then((m) => m.default);
  if (flavour === 'simd')
    return instantiate(new URL('../../generated/mlp-simd.wasm', import.meta.url).href, glue(() => import('../../generated/mlp-simd.mjs')));
  return instantiate(new URL('../../generated/mlp-scalar.wasm', import.meta.url).href, glue(() => import('../../generated/mlp-scalar.mjs')));
}

/**
 * A module from its glue's factory and its .wasm: the bytes given (the page downloaded them, e.g.
 * digit-assets.ts) or, when there are none, fetched at once, in parallel with the glue's import (not
 * after it), and compiled as they stream in (WebAssembly.instantiateStreaming).
 */
export async function instantiate<M>(
  url: string,
  factory: Factory<M> | Promise<Factory<M>>,
  given: Promise<ArrayBuffer | null> = Promise.resolve(null),
): Promise<M> {
  const wasm: Promise<Response | ArrayBuffer> = given.then<Response | ArrayBuffer>((bytes) => bytes ?? fetch(url));
  wasm.catch(() => {}); // reported by the instantiation below
  const create = await factory;
  let failed: (e: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  return Promise.race([
    failure,
    create({
      instantiateWasm(imports, done) {
        const instantiated = wasm.then((w) => (w instanceof ArrayBuffer ? WebAssembly.instantiate(w, imports) : WebAssembly.instantiateStreaming(w, imports)));
        instantiated.then(({ instance, module }) => done(instance, module), failed);
        return {};
      },
    }),
  ]);
}

// Emscripten 3.1.6 starts each pthread as a classic Web Worker from
// mlp-threads.worker.js, which then import()s the glue by URL and calls its
// default export. So the glue must stay a file of its own, unbundled, with
// the worker file and the .wasm beside it as Vite assets: `new URL(…,
// import.meta.url)` makes Vite copy each one as it is, and locateFile /
// mainScriptUrlOrBlob hand their (hashed) URLs to the glue.
async function loadThreads(): Promise<MlpModule> {
  const glue = new URL('../../generated/mlp-threads.mjs', import.meta.url).href;
  const worker = new URL('../../generated/mlp-threads.worker.js?no-inline', import.meta.url).href;
  const wasm = new URL('../../generated/mlp-threads.wasm', import.meta.url).href;
  const { default: create } = (await import(/* @vite-ignore */ glue)) as typeof import('../../generated/mlp-threads.mjs');
  return create({
    locateFile: (path: string) => (path.endsWith('.worker.js') ? worker : path.endsWith('.wasm') ? wasm : path),
    mainScriptUrlOrBlob: glue,
  });
}
