// TensorFlow.js 4.22 + @tensorflow/tfjs-backend-wasm (SIMD, single thread) on the
// seed MLP, the reference our WASM core is compared against. Prints JSON on stdout.
//
//   node tests/bench/bench_tfjs.mjs [--batches 300] [--reps 3] [--infer 10000] [--ours]
//
// --ours also loads our WASM SIMD module (web/generated/mlp-simd.*) into this
// same Node process and alternates its benchSeedMlp runs with the TF.js runs
// (TF.js rep, ours rep, ...), so the ratio is taken under the same conditions;
// results go to "same_process".
//
// The model is the seed MLP: dense 300 relu, dense 100 relu, dense 10 linear,
// truncated normal init (stddev 2/sqrt(fan_in)), zero biases, softmax
// cross-entropy on logits, batch 50, SGD lr 0.01 and Adam lr 0.001.
// By default it is written with raw ops (tf.variable + tf.fused.matMul with
// bias and relu fused), the fastest TF.js formulation we found; --layers uses a
// tf.sequential of three dense layers instead (about 5% slower to train here;
// its predict() must be given batchSize, its default of 32 is ~4x slower).
//
// Fairness choices (also recorded in the JSON under "method"):
// - Single thread. In Node, tfjs-backend-wasm 4.22 always reports
//   WASM_HAS_MULTITHREAD_SUPPORT = false (tfjs issue #3830); we also set the
//   flag to false and setThreadsCount(1) before setBackend, so the SIMD
//   non-threaded binary is loaded whatever the probe says. Our core is
//   single-threaded. SIMD is left to the backend's own probe (true in Node 20).
// - The binary actually read from disk is recorded by watching fs.readFile /
//   fs.readFileSync for *.wasm while the backend initialises.
// - Batch tensors are created before timing (a pool of 20 batches cycled), so
//   neither the JS->WASM upload of TF.js nor our gather is the thing measured:
//   TF.js times forward + backward + update only. Our trainer, by contrast,
//   still gathers its 50 rows (a 157 KB copy), shuffles, and computes the
//   batch loss and accuracy inside the timed loop, i.e. the comparison is, if
//   anything, tilted towards TF.js.
// - optimizer.minimize(lossClosure, returnCost=false): no per-batch readback;
//   one dataSync at the end of a timed run forces completion (the wasm backend
//   executes eagerly anyway). Tensor counts are checked for leaks.
// - Inference: 10 pre-created 1000x784 tensors, model.predict + argMax per
//   chunk (our predict_labels also works in chunks of 1000 and takes argmax),
//   dataSync on every chunk's labels.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { arg, loadMlp, median } from './common.mjs';

const require = createRequire(import.meta.url);
const BATCHES = arg('batches', 300);
const REPS = arg('reps', 3);
const INFER = arg('infer', 10000);
const WARMUP = 20;
const BATCH = 50;

// Record which .wasm files the backend reads.
const wasmReads = [];
for (const fn of ['readFile', 'readFileSync']) {
  const orig = fs[fn];
  fs[fn] = function (file, ...rest) {
    const f = String(file);
    if (f.endsWith('.wasm')) wasmReads.push(f);
    return orig.call(this, file, ...rest);
  };
}

// tfjs prints a "use tfjs-node" banner via console.warn: keep stdout pure JSON.
const origLog = console.log;
console.log = (...a) => console.error(...a);
const tf = require('@tensorflow/tfjs');
const tfwasm = require('@tensorflow/tfjs-backend-wasm');

const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
tfwasm.setWasmPaths(wasmDir);
tfwasm.setThreadsCount(1);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
if (!process.argv.includes('--no-prod')) tf.enableProdMode();  // TF.js's production setting: fewer debug checks
const ok = await tf.setBackend('wasm');
await tf.ready();
if (!ok || tf.getBackend() !== 'wasm') throw new Error('the wasm backend did not initialise');
const threads = tfwasm.getThreadsCount();

const now = () => performance.now() / 1000;

// Generated MNIST-shaped data: 10 Gaussian blobs in 784 dimensions (like the
// core's gaussian_blobs), from a small seeded PRNG so every run is the same.
function makeData(n, seed) {
  let s = seed >>> 0;
  const u = () => ((s = (s + 0x6d2b79f5) >>> 0), ((x) => ((x ^ (x >>> 14)) >>> 0) / 4294967296)(
    Math.imul(s ^ (s >>> 15), 1 | s) + Math.imul(s ^ (s >>> 7), 61 | s)));
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const centres = Array.from({ length: 10 }, () => Float32Array.from({ length: 784 }, () => normal()));
  const x = new Float32Array(n * 784), y = new Int32Array(n);
  for (let i = 0; i < n; ++i) {
    const c = i % 10;
    y[i] = c;
    for (let j = 0; j < 784; ++j) x[i * 784 + j] = centres[c][j] + normal();
  }
  return { x, y };
}

function buildModel(seed) {
  const model = tf.sequential();
  const dims = [[784, 300, 'relu'], [300, 100, 'relu'], [100, 10, 'linear']];
  dims.forEach(([fanIn, units, activation], i) =>
    model.add(tf.layers.dense({
      inputShape: i === 0 ? [fanIn] : undefined, units, activation,
      kernelInitializer: tf.initializers.truncatedNormal({ mean: 0, stddev: 2 / Math.sqrt(fanIn), seed: seed + i }),
      biasInitializer: 'zeros',
    })));
  return model;
}

const POOL = 20;
const data = makeData(POOL * BATCH, 7);
const batches = [];
for (let b = 0; b < POOL; ++b) {
  const xs = tf.tensor2d(data.x.subarray(b * BATCH * 784, (b + 1) * BATCH * 784), [BATCH, 784]);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(data.y.subarray(b * BATCH, (b + 1) * BATCH), 'int32'), 10).toFloat());
  batches.push({ xs, ys });
}

// The same network written with raw ops (variables + tf.fused.matMul): no
// Layers bookkeeping. Exposes apply / predict / getWeights / dispose like a model.
function buildOpsModel(seed) {
  const dims = [[784, 300, 'relu'], [300, 100, 'relu'], [100, 10, 'linear']];
  const variable = (init) => {  // tf.variable keeps its initial tensor alive: free it
    const v = tf.variable(init);
    init.dispose();
    return v;
  };
  const layers = dims.map(([fanIn, units, act], i) => ({
    w: variable(tf.truncatedNormal([fanIn, units], 0, 2 / Math.sqrt(fanIn), 'float32', seed + i)),
    b: variable(tf.zeros([units])),
    act,
  }));
  const apply = (x) => layers.reduce((h, l) => tf.fused.matMul({ a: h, b: l.w, bias: l.b, activation: l.act }), x);
  return {
    apply, predict: apply,
    layers: layers.map((l) => ({ getWeights: () => [l.w, l.b] })),
    dispose: () => layers.forEach((l) => { l.w.dispose(); l.b.dispose(); }),
  };
}

const VARIANT = process.argv.includes('--layers') ? 'layers' : 'ops';

function trainRun(optName) {
  const model = VARIANT === 'ops' ? buildOpsModel(42) : buildModel(42);
  const opt = optName === 'adam' ? tf.train.adam(0.001) : tf.train.sgd(0.01);
  const step = (b) => {
    const { xs, ys } = batches[b % POOL];
    const cost = opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, model.apply(xs)), false);
    if (cost) cost.dispose();
  };
  for (let b = 0; b < WARMUP; ++b) step(b);
  const before = tf.memory().numTensors;
  const t0 = now();
  for (let b = 0; b < BATCHES; ++b) step(b);
  model.layers[2].getWeights()[1].dataSync();  // force completion
  const seconds = now() - t0;
  const leaked = tf.memory().numTensors - before;
  const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(batches[0].ys, model.apply(batches[0].xs)).dataSync()[0]);
  // Inference on the trained model.
  const chunk = 1000, n = Math.ceil(INFER / chunk);
  const inferData = makeData(chunk * Math.min(n, 2), 11);  // 2 distinct chunks, cycled
  const chunks = [];
  for (let i = 0; i < n; ++i) {
    const rows = Math.min(chunk, INFER - i * chunk), src = (i % 2) * chunk * 784;
    chunks.push(tf.tensor2d(inferData.x.subarray(src, src + rows * 784), [rows, 784]));
  }
  const inferOnce = () => {
    for (const c of chunks) {
      const labels = tf.tidy(() => model.predict(c, { batchSize: chunk }).argMax(1));
      labels.dataSync();
      labels.dispose();
    }
  };
  inferOnce();  // warm-up
  const i0 = now();
  inferOnce();
  const inferSeconds = now() - i0;
  chunks.forEach((c) => c.dispose());
  opt.dispose();
  model.dispose();
  return { trainPerSecond: (BATCHES * BATCH) / seconds, inferPerSecond: INFER / inferSeconds, loss, leaked };
}

const out = {
  build: 'tfjs-wasm',
  tfjs: tf.version.tfjs,
  backend: tf.getBackend(),
  wasmBinary: [...new Set(wasmReads.map((f) => path.basename(f)))],
  wasmPaths: [...new Set(wasmReads)],
  simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
  multithread: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  threads,
  variant: VARIANT,
  method: `single-threaded (WASM_HAS_MULTITHREAD_SUPPORT=false, setThreadsCount(1)), tf.enableProdMode(); ${VARIANT === 'ops' ?
    'variables + tf.fused.matMul (bias+relu fused)' : 'tf.sequential of 3 dense layers'} trained with ` +
    `optimizer.minimize(loss closure); ${WARMUP} warm-up batches, then ${BATCHES} timed batches of ${BATCH}; ` +
    `batch tensors pre-created (pool of ${POOL}), upload not timed; inference = predict+argMax in chunks of 1000 ` +
    `with dataSync; medians of ${REPS} repetitions`,
  train: [],
};
// GEMM context: tf.matMul (XNNPACK) GFLOP/s on a few of our shapes, including
// the JS dispatch and output allocation of one op call.
out.gemm = [];
for (const [name, m, n, k] of [['fwd 50x784x300', 50, 300, 784], ['infer 1000x784x300', 1000, 300, 784],
  ['256^3', 256, 256, 256]]) {
  const a = tf.randomNormal([m, k]), b = tf.randomNormal([k, n]);
  const once = () => { const c = tf.matMul(a, b); c.dataSync(); c.dispose(); };
  once();
  const samples = [];
  for (let r = 0; r < 5; ++r) {
    let reps = 0;
    const t0 = now();
    do once(), ++reps; while (now() - t0 < 0.04);
    samples.push((now() - t0) / reps);
  }
  a.dispose(); b.dispose();
  const seconds = median(samples);
  out.gemm.push({ shape: name, kernel: 'tf.matMul', gflops: (2 * m * n * k) / seconds * 1e-9, seconds });
}

const ours = process.argv.includes('--ours') ? await loadMlp('simd') : null;
if (ours) out.same_process = { build: 'wasm-simd', kernel: ours.buildInfo().kernel, train: [] };
for (const opt of ['sgd', 'adam']) {
  const runs = [], ourRuns = [];
  for (let r = 0; r < REPS; ++r) {
    runs.push(trainRun(opt));
    if (ours) ourRuns.push(ours.benchSeedMlp(opt, Math.max(BATCHES, 300), INFER));
  }
  if (ours)
    out.same_process.train.push({
      optimizer: opt,
      train_per_s: median(ourRuns.map((r) => r.trainPerSecond)),
      infer_per_s: median(ourRuns.map((r) => r.inferPerSecond)),
      train_runs: ourRuns.map((r) => Math.round(r.trainPerSecond)),
      infer_runs: ourRuns.map((r) => Math.round(r.inferPerSecond)),
    });
  out.train.push({
    optimizer: opt,
    train_per_s: median(runs.map((r) => r.trainPerSecond)),
    infer_per_s: median(runs.map((r) => r.inferPerSecond)),
    train_runs: runs.map((r) => Math.round(r.trainPerSecond)),
    infer_runs: runs.map((r) => Math.round(r.inferPerSecond)),
    final_loss: runs[runs.length - 1].loss,
    leaked_tensors: Math.max(...runs.map((r) => r.leaked)),
  });
}
batches.forEach(({ xs, ys }) => { xs.dispose(); ys.dispose(); });
out.tensors_left = tf.memory().numTensors;
origLog(JSON.stringify(out));
