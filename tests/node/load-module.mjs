// Loads a WASM flavour under Node. The glue cannot fetch files in Node, so the
// .wasm bytes are handed over directly (see TOOLCHAIN.md).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const flavours = ['simd', 'scalar', 'threads'];

let threadsModule = null;

export async function loadModule(flavour) {
  const base = path.join(root, 'web/generated', `mlp-${flavour}`);
  if (!fs.existsSync(`${base}.wasm`)) throw new Error(`${base}.wasm is missing: run sh scripts/build-wasm.sh`);
  if (flavour === 'threads') return (threadsModule ??= loadThreads(base));
  const { default: create } = await import(`${base}.mjs`);
  return create({ wasmBinary: fs.readFileSync(`${base}.wasm`) });
}

// The pthread build under Node 20 (Emscripten 3.1.6, linked with the node
// environment: -sENVIRONMENT=web,worker,node). What it needs, found by trying:
// - `require` and `__dirname` as globals: the ES6 glue's node branch calls
//   require('worker_threads') / require('fs') and reads __dirname, neither of
//   which exists in an ES module ("__dirname is not defined in ES module scope").
//   Its pthread workers (mlp-threads.worker.js, CommonJS) set their own.
// - `wasmBinary`, as for the other builds.
// - unref() on the workers, or the process never exits (the core's pool
//   threads wait in their Workers forever). One module per test process:
//   it starts one Worker per further core (Node 20 has no navigator; the glue
//   asks require('os')), ~0.3 s each here.
async function loadThreads(base) {
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= path.dirname(base);
  const { default: create } = await import(`${base}.mjs`);
  const M = await create({ wasmBinary: fs.readFileSync(`${base}.wasm`) });
  for (const w of [...M.PThread.unusedWorkers, ...M.PThread.runningWorkers]) w.unref();
  return M;
}

export const cliPath = path.join(root, 'build/native/mlp-cli');
