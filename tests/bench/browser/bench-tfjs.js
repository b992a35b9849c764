// The same epoch with TensorFlow.js 4.22 and its wasm backend (SIMD, one
// thread), in a classic worker. The model is the seed MLP written the fastest
// way we found for TF.js (variables + tf.fused.matMul with bias and ReLU fused,
// as tests/bench/bench_tfjs.mjs): truncated normal init (stddev 2/sqrt(fan_in)),
// zero biases, softmax cross-entropy on logits, SGD 0.01, batch 50, the 55,000
// training images reshuffled per epoch. Each batch is gathered from the bytes
// into one Float32Array and uploaded, as a TF.js user would; that is timed.

/* global tf */
// Under the app's CSP (no 'unsafe-eval'), tf.min.js dies while loading: its
// bundled regenerator-runtime assigns the undeclared global regeneratorRuntime,
// which throws in strict mode, and falls back to Function("r", "...") = eval.
// Declaring the global first keeps it off that path; nothing else in TF.js or
// its wasm backend needs eval ('wasm-unsafe-eval' covers the .wasm).
self.regeneratorRuntime = undefined;
importScripts('/tfjs/tf.min.js', '/tfjs-wasm/tf-backend-wasm.min.js');

async function inflate(file) {
  const response = await fetch(`/mnist/${file}.gz`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

// IDX: big-endian header (magic, count, rows, cols), then bytes. The harness
// only needs the pixels and labels; our core's parser validates the same files.
function idx(bytes, headerBytes) {
  return bytes.subarray(headerBytes);
}

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

self.onmessage = async (e) => {
  const { warmup, batches } = e.data;
  try {
    tf.wasm.setWasmPaths('/tfjs-wasm/');
    tf.wasm.setThreadsCount(1);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    tf.enableProdMode();
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
    await tf.ready();
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const wasmFiles = performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.wasm'));

    const images = idx(await inflate('train-images-idx3-ubyte'), 16);
    const labels = idx(await inflate('train-labels-idx1-ubyte'), 8);
    const testImages = idx(await inflate('t10k-images-idx3-ubyte'), 16);
    const testLabels = idx(await inflate('t10k-labels-idx1-ubyte'), 8);
    const N = 55000;
    const B = 50;

    const dims = [[784, 300, 'relu'], [300, 100, 'relu'], [100, 10, 'linear']];
    const layers = dims.map(([fanIn, units, activation], i) => ({
      w: tf.variable(tf.truncatedNormal([fanIn, units], 0, 2 / Math.sqrt(fanIn), 'float32', 42 + i)),
      b: tf.variable(tf.zeros([units])),
      activation,
    }));
    const forward = (x) => layers.reduce((h, l) => tf.fused.matMul({ a: h, b: l.w, bias: l.b, activation: l.activation }), x);
    const optimizer = tf.train.sgd(0.01);

    const order = Int32Array.from({ length: N }, (_, i) => i);
    const random = mulberry32(1);
    const shuffle = () => {
      for (let i = N - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    };
    const xb = new Float32Array(B * 784);
    const yb = new Float32Array(B * 10);
    let cursor = N;
    let lastLoss = NaN;
    const step = (keepLoss) => {
      if (cursor + B > N) {
        shuffle();
        cursor = 0;
      }
      yb.fill(0);
      for (let r = 0; r < B; r++) {
        const row = order[cursor + r];
        const src = row * 784;
        for (let k = 0; k < 784; k++) xb[r * 784 + k] = images[src + k] / 255;
        yb[r * 10 + labels[row]] = 1;
      }
      cursor += B;
      const xs = tf.tensor2d(xb, [B, 784]);
      const ys = tf.tensor2d(yb, [B, 10]);
      const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, forward(xs)), keepLoss);
      if (cost) {
        lastLoss = cost.dataSync()[0];
        cost.dispose();
      }
      xs.dispose();
      ys.dispose();
    };
    for (let i = 0; i < warmup; i++) step(false);
    const t0 = performance.now();
    for (let i = 0; i < batches; i++) step(i === batches - 1);
    layers[2].b.dataSync(); // the wasm backend runs eagerly; this makes sure
    const seconds = (performance.now() - t0) / 1000;

    // Test accuracy, as a check that the same thing was learnt (not timed).
    let correct = 0;
    for (let first = 0; first < 10000; first += 1000) {
      const x = new Float32Array(1000 * 784);
      for (let i = 0; i < x.length; i++) x[i] = testImages[first * 784 + i] / 255;
      const predicted = tf.tidy(() => forward(tf.tensor2d(x, [1000, 784])).argMax(1).dataSync());
      for (let i = 0; i < 1000; i++) if (predicted[i] === testLabels[first + i]) correct++;
    }
    self.postMessage({
      type: 'result',
      result: {
        build: 'tfjs-wasm',
        tfjs: tf.version.tfjs,
        backend: tf.getBackend(),
        simd,
        threads: tf.wasm.getThreadsCount(),
        wasmFiles,
        batches,
        seconds,
        examplesPerSecond: (batches * B) / seconds,
        lastBatchLoss: lastLoss,
        testAccuracy: correct / 10000,
      },
    });
  } catch (err) {
    self.postMessage({ type: 'error', message: `tfjs: ${err instanceof Error ? err.message : String(err)}` });
  }
};
