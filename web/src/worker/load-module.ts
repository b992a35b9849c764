// Instantiates the WASM flavour chosen by flavour.ts, or the digit reader (a
// page opening on the Draw view starts with it: see worker.ts). The
// single-file build puts load-module-inline.ts here (vite.single.mjs).

import type { MlpModule, ModuleOptions } from '../../generated/mlp-simd.mjs';
import type { ReaderModule } from '../../generated/mlp-reader.mjs';
import type { Flavour } from '../protocol.ts';

type Factory<M> = (options?: ModuleOptions) => Promise<M>;

// Literal specifiers, so the bundler emits each glue file (and its .wasm
// asset) as a separate chunk and only the chosen one is downloaded.
export function loadModule(flavour: Flavour): Promise<MlpModule> {
  if (flavour === 'threads') return loadThreads();
  if (flavour === 'simd')
    return instantiate(new URL('../../generated/mlp-simd.wasm', import.meta.url).href, import('../../generated/mlp-simd.mjs'));
  return instantiate(new URL('../../generated/mlp-scalar.wasm', import.meta.url).href, import('../../generated/mlp-scalar.mjs'));
}

/** The digit reader (SIMD only: a browser without WASM SIMD reads with the scalar build). */
export function loadReader(): Promise<ReaderModule> | null {
  return instantiate(new URL('../../generated/mlp-reader.wasm', import.meta.url).href, import('../../generated/mlp-reader.mjs'));
}

// The .wasm is fetched at once, in parallel with the glue's import (not after
// it), and compiled as it streams in (WebAssembly.instantiateStreaming).
async function instantiate<M>(url: string, glueImport: Promise<{ default: Factory<M> }>): Promise<M> {
  const wasm = fetch(url);
  wasm.catch(() => {}); // reported by the instantiation below
  const glue = await glueImport;
  let failed: (e: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  return Promise.race([
    failure,
    glue.default({
      instantiateWasm(imports, done) {
        // The single-file build inlines the .wasm as a data: URL: read whole, as the glue would.
        const instantiated = url.startsWith('data:')
          ? wasm.then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.instantiate(bytes, imports))
          : WebAssembly.instantiateStreaming(wasm, imports);
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
