// TensorFlow.js 4.22 + @tensorflow/tfjs-backend-wasm (SIMD, single thread) on the
// seed MLP, the reference our WASM core is compared against. Prints JSON on stdout.
//
//   node tests/bench/bench_tfjs.mjs [--batches 300] [--reps 3] [--infer 10000] [--ours]
//
// Two workloads, as in the other benchmark scripts (entries carry "workload"):
//   generated  MNIST-shaped Gaussian blobs (the data of the generated workload,
//              regenerated here with a small seeded PRNG)
//   mnist      real MNIST: batches drawn (seeded shuffle, no batch repeated)
//              from the first 55,000 training images, pixels / 255, one-hot
//              labels; inference on the 10,000 test images. TF.js's kernels do
//              not look at the values (its matMul multiplies the zeros too), so
//              its speed should not change; it is measured rather than assumed.
//
// --ours also loads our WASM SIMD module (web/generated/mlp-simd.*) into this
// same Node process and alternates its runs with the TF.js runs (TF.js rep,
// ours rep, ... for each workload), so the ratio is taken under the same
// conditions; results go to "same_process". Ours = benchSeedMlp on the
// workload's data; on MNIST its inference is timed on the test set with the
// weights benchSeedMlp's run ends with (see common.mjs trainedSeedMlp). Ours
// also times its integer inference path (Int8Network) on the same weights:
// on the generated data (the dense case) and on the MNIST test set.
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

import {
  MNIST_INFER, MNIST_TRAIN, arg, loadMlp, loadMnistDatasets, median, mnistRows, readMnistFiles, timePredict,
  trainedSeedMlp, zeroFraction,
} from './common.mjs';

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

// One workload's tensors, created before any timing: training batches
// (cycled if fewer than the warm-up + timed batches) and 1000-row inference chunks.
function batchTensors(x, y) {
  const n = y.length / BATCH, batches = [];
  for (let b = 0; b < n; ++b) {
    const xs = tf.tensor2d(x.subarray(b * BATCH * 784, (b + 1) * BATCH * 784), [BATCH, 784]);
    const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(y.subarray(b * BATCH, (b + 1) * BATCH), 'int32'), 10).toFloat());
    batches.push({ xs, ys });
  }
  return batches;
}
const CHUNK = 1000;
function inferChunks(x, rows, total) {  // chunks of x's first `rows` rows, cycled up to `total` rows
  const chunks = [];
  for (let first = 0; first < total; first += CHUNK) {
    const n = Math.min(CHUNK, total - first), src = (first % rows) * 784;
    chunks.push(tf.tensor2d(x.subarray(src, src + n * 784), [n, 784]));
  }
  return chunks;
}

const POOL = 20;
const generated = (() => {
  const data = makeData(POOL * BATCH, 7);
  const inferData = makeData(CHUNK * Math.min(Math.ceil(INFER / CHUNK), 2), 11);  // 2 distinct chunks, cycled
  return {
    name: 'generated',
    batches: batchTensors(data.x, data.y),
    chunks: inferChunks(inferData.x, inferData.y.length, INFER),
    labels: null,
  };
})();

// Real MNIST: WARMUP + BATCHES distinct batches of the first 55,000 training
// images (seeded Fisher-Yates), the 10,000 test images for inference.
const mnistTrain = mnistRows(readMnistFiles('train'), MNIST_TRAIN);
const mnistTest = mnistRows(readMnistFiles('t10k'), MNIST_INFER);
const mnist = (() => {
  const nb = Math.min(WARMUP + BATCHES, MNIST_TRAIN / BATCH);
  const order = Int32Array.from({ length: MNIST_TRAIN }, (_, i) => i);
  let s = 12345;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let i = MNIST_TRAIN - 1; i > 0; --i) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const x = new Float32Array(nb * BATCH * 784), y = new Int32Array(nb * BATCH);
  for (let r = 0; r < nb * BATCH; ++r) {
    const src = order[r] * 784;
    for (let j = 0; j < 784; ++j) x[r * 784 + j] = mnistTrain.pixels[src + j] / 255;
    y[r] = mnistTrain.labels[order[r]];
  }
  const tx = Float32Array.from(mnistTest.pixels, (p) => p / 255);
  return {
    name: 'mnist',
    batches: batchTensors(x, y),
    chunks: inferChunks(tx, MNIST_INFER, MNIST_INFER),
    labels: Int32Array.from(mnistTest.labels),
    batch_zero_fraction: x.reduce((z, v) => z + (v === 0), 0) / x.length,
  };
})();
const WORKLOADS = [generated, mnist];

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

function trainRun(optName, workload) {
  const { batches, chunks } = workload;
  const model = VARIANT === 'ops' ? buildOpsModel(42) : buildModel(42);
  const opt = optName === 'adam' ? tf.train.adam(0.001) : tf.train.sgd(0.01);
  const step = (b) => {
    const { xs, ys } = batches[b % batches.length];
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
  const predicted = [];
  const inferOnce = () => {
    predicted.length = 0;
    for (const c of chunks) {
      const labels = tf.tidy(() => model.predict(c, { batchSize: CHUNK }).argMax(1));
      predicted.push(labels.dataSync());
      labels.dispose();
    }
  };
  inferOnce();  // warm-up
  const i0 = now();
  inferOnce();
  const inferSeconds = now() - i0;
  const rows = chunks.reduce((n, c) => n + c.shape[0], 0);
  let accuracy = null;
  if (workload.labels) {
    let correct = 0, i = 0;
    for (const p of predicted) for (const v of p) correct += v === workload.labels[i++];
    accuracy = correct / workload.labels.length;
  }
  opt.dispose();
  model.dispose();
  return { trainPerSecond: (BATCHES * BATCH) / seconds, inferPerSecond: rows / inferSeconds, loss, leaked, accuracy };
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
    `batch tensors pre-created (generated: pool of ${POOL} cycled; MNIST: ${mnist.batches.length} distinct ` +
    `batches), upload not timed; inference = predict+argMax in chunks of 1000 with dataSync; medians of ${REPS} ` +
    `repetitions, workloads interleaved`,
  mnist: {
    train_images: MNIST_TRAIN, test_images: MNIST_INFER, batches_drawn: mnist.batches.length,
    train_zero_fraction: zeroFraction(mnistTrain.pixels), test_zero_fraction: zeroFraction(mnistTest.pixels),
    drawn_batches_zero_fraction: mnist.batch_zero_fraction,
  },
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
const OUR_BATCHES = Math.max(BATCHES, 300);
let ourMnist = null;
if (ours) {
  out.same_process = { build: 'wasm-simd', kernel: ours.buildInfo().kernel, batches: OUR_BATCHES, train: [] };
  ourMnist = loadMnistDatasets(ours);
}
const summary = (runs) => ({
  train_per_s: median(runs.map((r) => r.trainPerSecond)),
  infer_per_s: median(runs.map((r) => r.inferPerSecond)),
  train_runs: runs.map((r) => Math.round(r.trainPerSecond)),
  infer_runs: runs.map((r) => Math.round(r.inferPerSecond)),
  ...(runs[0]?.int8PerSecond ? { int8_infer_per_s: median(runs.map((r) => r.int8PerSecond)),
    int8_infer_runs: runs.map((r) => Math.round(r.int8PerSecond)) } : {}),
});
// Our integer inference path (Int8Network: int8 weights, int16 activations,
// i32x4.dot_i16x8_s), on the weights of `trainer`, timed like timePredict.
const ourDense = ours && ours.Dataset.gaussianBlobs(INFER, 784, 10, 1.0, 7);  // benchSeedMlp's generated data
function timeInt8(trainer, data) {
  const q = new ours.Int8Network(trainer.networkSpec(), trainer.parameters());
  try {
    q.predictLabels(data);
    const t0 = performance.now();
    q.predictLabels(data);
    return data.size() / ((performance.now() - t0) / 1000);
  } finally {
    q.delete();
  }
}
for (const opt of ['sgd', 'adam']) {
  const runs = { generated: [], mnist: [] }, ourRuns = { generated: [], mnist: [] };
  // Ours on MNIST: inference on the test set by a Trainer holding the weights
  // benchSeedMlp's run ends with (trained once, untimed).
  const replay = ours && trainedSeedMlp(ours, opt, OUR_BATCHES, ourMnist.train);
  for (let r = 0; r < REPS; ++r)
    for (const w of WORKLOADS) {
      runs[w.name].push(trainRun(opt, w));
      if (!ours) continue;
      if (w.name === 'generated') {
        const b = ours.benchSeedMlp(opt, OUR_BATCHES, INFER);
        ourRuns.generated.push({ ...b, int8PerSecond: timeInt8(replay.trainer, ourDense) });
      } else {
        const b = ours.benchSeedMlp(opt, OUR_BATCHES, MNIST_INFER, ourMnist.train);
        ourRuns.mnist.push({ ...b, inferPerSecond: timePredict(replay.trainer, ourMnist.test),
          int8PerSecond: timeInt8(replay.trainer, ourMnist.test) });
      }
    }
  if (replay) replay.trainer.delete();
  for (const w of WORKLOADS) {
    const rs = runs[w.name];
    if (ours) out.same_process.train.push({ workload: w.name, optimizer: opt, ...summary(ourRuns[w.name]) });
    out.train.push({
      workload: w.name,
      optimizer: opt,
      ...summary(rs),
      final_loss: rs[rs.length - 1].loss,
      ...(w.labels ? { test_accuracy: rs[rs.length - 1].accuracy } : {}),
      leaked_tensors: Math.max(...rs.map((r) => r.leaked)),
    });
  }
}
if (ourMnist) { ourMnist.train.delete(); ourMnist.test.delete(); ourDense.delete(); }
for (const w of WORKLOADS) {
  w.batches.forEach(({ xs, ys }) => { xs.dispose(); ys.dispose(); });
  w.chunks.forEach((c) => c.dispose());
}
out.tensors_left = tf.memory().numTensors;
origLog(JSON.stringify(out));
