// Helpers shared by the node benchmark scripts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GENERATED = path.join(ROOT, 'web/generated');

// The GEMMs of one training step of the seed MLP (784-300-100-10, batch 50),
// the forward products of one 1000-row inference chunk, and 256³. Same list as
// tests/bench/bench_native.cpp. `step: true` marks the products one training
// step runs (dX of the first layer is skipped: no input gradient is needed);
// `infer: true` those of inference. `reference: false` skips the naive kernel
// (too slow for the big inference shapes).
export const GEMM_SHAPES = [
  { name: 'fwd 50x784x300', m: 50, n: 300, k: 784, ta: false, tb: false, step: true, reference: true },
  { name: 'fwd 50x300x100', m: 50, n: 100, k: 300, ta: false, tb: false, step: true, reference: true },
  { name: 'fwd 50x100x10', m: 50, n: 10, k: 100, ta: false, tb: false, step: true, reference: true },
  { name: 'dW 784x300 (k=50)', m: 784, n: 300, k: 50, ta: true, tb: false, step: true, reference: true },
  { name: 'dW 300x100 (k=50)', m: 300, n: 100, k: 50, ta: true, tb: false, step: true, reference: true },
  { name: 'dW 100x10 (k=50)', m: 100, n: 10, k: 50, ta: true, tb: false, step: true, reference: true },
  { name: 'dX 50x300 (k=100)', m: 50, n: 300, k: 100, ta: false, tb: true, step: true, reference: true },
  { name: 'dX 50x100 (k=10)', m: 50, n: 100, k: 10, ta: false, tb: true, step: true, reference: true },
  { name: 'infer 1000x784x300', m: 1000, n: 300, k: 784, ta: false, tb: false, infer: true, reference: false },
  { name: 'infer 1000x300x100', m: 1000, n: 100, k: 300, ta: false, tb: false, infer: true, reference: false },
  { name: 'infer 1000x100x10', m: 1000, n: 10, k: 100, ta: false, tb: false, infer: true, reference: false },
  { name: '256^3', m: 256, n: 256, k: 256, ta: false, tb: false, reference: true },
];

export const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = process.argv[i + 1];
  return typeof dflt === 'number' ? Number(v) : v;
}

// Loads web/generated/mlp-<flavour>.mjs with its .wasm bytes (Node cannot fetch).
export async function loadMlp(flavour) {
  const base = path.join(GENERATED, `mlp-${flavour}`);
  const { default: create } = await import(`${base}.mjs`);
  return create({ wasmBinary: fs.readFileSync(`${base}.wasm`) });
}
