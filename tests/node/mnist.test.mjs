// Real MNIST through the WASM build: the packed (gzip) files inflate with
// DecompressionStream as in the worker and parse with the core's IDX reader;
// the seed preset learns; the shipped int8 pretrained model keeps its float32
// accuracy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadModule, root } from './load-module.mjs';

const packed = path.join(root, 'public/data/mnist');

async function inflate(file) {
  const stream = new Blob([fs.readFileSync(path.join(packed, `${file}.gz`))]).stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function mnist(M, prefix) {
  return M.parseMnist(await inflate(`${prefix}-images-idx3-ubyte`), await inflate(`${prefix}-labels-idx1-ubyte`));
}

const SEED_NET = {
  inputs: 784,
  layers: [{ units: 300, activation: 'relu' }, { units: 100, activation: 'relu' }, { units: 10 }],
  init: 'truncated_normal',
  seed: 42,
};

async function oneEpoch(train) {
  const M = await loadModule('simd');
  const all = await mnist(M, 'train');
  const test = await mnist(M, 't10k');
  assert.equal(all.size(), 60000);
  assert.deepEqual(Array.from(all.labels().slice(0, 10)), [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  const data = all.slice(0, 55000); // the book's 55,000 / 5,000 split
  const t = new M.Trainer(SEED_NET, { batchSize: 50, shuffleSeed: 1, ...train }, data);
  let r;
  do r = t.trainBatches(200); while (!r.epochEnded && !r.diverged);
  assert.equal(r.diverged, false, r.message);
  assert.equal(r.examplesSeen, 55000);
  const result = t.evaluate(test);
  for (const h of [t, data, all, test]) h.delete();
  return result;
}

test('one epoch of the seed preset (SGD 0.01, batch 50) reaches >= 90% test accuracy', async () => {
  const r = await oneEpoch({ optimizer: 'sgd', learningRate: 0.01 });
  assert.ok(r.accuracy >= 0.9, `test accuracy ${r.accuracy}`);
});

test('one epoch with Adam 0.001 reaches >= 95% test accuracy', async () => {
  const r = await oneEpoch({ optimizer: 'adam', learningRate: 0.001 });
  assert.ok(r.accuracy >= 0.95, `test accuracy ${r.accuracy}`);
});

test('the seed’s softmax regression (784-10, zero weights, batches of 100, 1,100 steps) reaches >= 91%', async () => {
  // The Train view's "Softmax regression" preset (web/src/widgets/train/settings.ts): no hidden layer at all.
  // The seed minimises the batch's summed cross-entropy at rate 0.01: rate 1 on the core's mean.
  const M = await loadModule('simd');
  const all = await mnist(M, 'train');
  const test = await mnist(M, 't10k');
  const data = all.slice(0, 55000);
  const t = new M.Trainer({ inputs: 784, layers: [{ units: 10 }], init: 'zeros' }, { batchSize: 100, optimizer: 'sgd', learningRate: 1, shuffleSeed: 42 }, data);
  assert.ok(t.parameters().every((w) => w === 0), 'weights from zero, as in the seed');
  let r;
  do r = t.trainBatches(550); while (r.epoch < 2 && !r.diverged);
  assert.equal(r.steps, 1100);
  const { accuracy } = t.evaluate(test);
  for (const h of [t, data, all, test]) h.delete();
  console.log(`softmax regression after 1,100 steps: ${(accuracy * 100).toFixed(2)}% on the test set`);
  assert.ok(accuracy >= 0.91, `test accuracy ${accuracy}`);
});

// The shipped model stores its weights as int8 per output unit (model file
// version 2, written by mlp-cli quantize-model): <= 300 KB, and within 0.1
// point of the float32 model it came from (whose accuracy its metadata records).
for (const flavour of ['simd', 'scalar', 'threads']) {
  test(`${flavour}: the shipped int8 model (<= 300 KB) scores within 0.1 point of its float32 original`, async () => {
    const M = await loadModule(flavour);
    const file = path.join(root, 'public/models/mnist-mlp.mlpl');
    assert.ok(fs.statSync(file).size <= 300 * 1024, `the model is ${fs.statSync(file).size} bytes`);
    // Pruned (scripts/train-pretrained.sh): most hidden weights are zero, so gzip sends a third of the file.
    const gzipped = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    assert.ok(gzipped <= 140 * 1024, `the model is ${gzipped} bytes gzipped`);
    const model = M.loadModel(new Uint8Array(fs.readFileSync(file)));
    assert.equal(model.weights, 'int8');
    assert.equal(model.spec.inputs, 784);
    assert.equal(model.spec.layers.at(-1).units, 10);
    const meta = JSON.parse(model.metadata);
    assert.ok(meta.float32_test_accuracy >= 0.99, `float32 original: ${meta.float32_test_accuracy}`);
    const net = new M.Network(model.spec, model.parameters);
    let at = 0;
    for (const [l, layer] of model.spec.layers.entries()) {
      const fanIn = l === 0 ? model.spec.inputs : model.spec.layers[l - 1].units;
      const w = model.parameters.subarray(at, at + fanIn * layer.units);
      const zeros = w.reduce((n, v) => n + (v === 0), 0) / w.length;
      if (l < model.spec.layers.length - 1) assert.ok(zeros >= (l === 0 ? 0.69 : 0.49), `hidden layer ${l + 1}: ${(zeros * 100).toFixed(1)}% of weights are zero`);
      at += (fanIn + 1) * layer.units;
    }
    const test = await mnist(M, 't10k');
    const r = net.evaluate(test);
    // The integer path (int16 activations, i32x4.dot_i16x8_s) on the same weights.
    const int8 = new M.Int8Network(model.spec, model.parameters);
    const labels = test.labels(), predicted = int8.predictLabels(test);
    const intAccuracy = predicted.reduce((n, p, i) => n + (p === labels[i]), 0) / labels.length;
    for (const h of [net, int8, test]) h.delete();
    assert.ok(r.accuracy >= meta.float32_test_accuracy - 0.001, `test accuracy ${r.accuracy}`);
    assert.equal(r.accuracy.toFixed(4), meta.test_accuracy.toFixed(4), 'the accuracy recorded by mlp-cli (natively)');
    assert.ok(intAccuracy >= meta.float32_test_accuracy - 0.001, `integer inference: test accuracy ${intAccuracy}`);
  });
}

test('malformed MNIST files and damaged models give specific errors', async () => {
  const M = await loadModule('simd');
  const images = await inflate('t10k-images-idx3-ubyte');
  const labels = await inflate('t10k-labels-idx1-ubyte');
  assert.throws(() => M.parseMnist(images.slice(0, 1000), labels), /IDX images: header says 10000 images of 28x28 = 7840000 bytes of pixels, found 984 \(file truncated\)/);
  assert.throws(() => M.parseMnist(labels, images), /IDX images: magic number must be 2051, got 2049 \(that is a label file\)/);
  assert.throws(() => M.parseMnist(images, labels.slice(0, 5008)), /IDX labels: header says 10000 labels, found 5000/);
  assert.throws(() => M.parseMnist(fs.readFileSync(path.join(packed, 't10k-images-idx3-ubyte.gz')), labels), /still gzip-compressed/);
  const good = new Uint8Array(fs.readFileSync(path.join(root, 'public/models/mnist-mlp.mlpl')));
  const corrupt = good.slice();
  corrupt[5000] ^= 1;
  assert.throws(() => M.loadModel(corrupt), /model file: checksum mismatch: the file is corrupt/);
  assert.throws(() => M.loadModel(good.slice(0, 1000)), /model file: truncated/);
  assert.throws(() => M.loadModel(new Uint8Array([1, 2, 3])), /not an MLP Lab model/);
});

test('preprocessing a drawn stroke gives an MNIST-like centred digit', async () => {
  const M = await loadModule('simd');
  const w = 200, h = 200, ink = new Float32Array(w * h);
  for (let y = 30; y < 170; y++) for (let x = 120; x < 134; x++) ink[y * w + x] = 1; // a "1" right of centre
  const d = M.preprocessDigit(ink, w, h);
  assert.equal(d.empty, false);
  assert.equal(d.pixels.length, 784);
  assert.ok(Math.abs(d.centreX - 14) <= 0.5 && Math.abs(d.centreY - 14) <= 0.5);
  assert.equal(M.preprocessDigit(new Float32Array(w * h), w, h).empty, true);
  assert.throws(() => M.preprocessDigit(ink, 10, 10), /canvas pixels must be width × height = 100, got 40000/);
});
