// The TensorFlow.js export (web/src/model/tfjs-export.ts) read back by
// TensorFlow.js 4.22's own loader, tf.loadLayersModel, from the two files the
// page writes (model.json + weights): it predicts what our core predicts.
// The TypeScript module has no run-time imports; ts-import.mjs transpiles it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadModule, root } from './load-module.mjs';
import { importTs } from './ts-import.mjs';

const require = createRequire(import.meta.url);

async function loadTf() {
  // tfjs prints a "use tfjs-node" hint; keep the test output quiet.
  const { log, warn } = console;
  console.log = console.warn = () => {};
  try {
    const tf = require('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    tf.tensor([0]).dispose(); // the hint comes with the first tensor
    return tf;
  } finally {
    Object.assign(console, { log, warn });
  }
}

/** An IOHandler that reads model.json + its weights files the way tf.io.http does, from bytes on disk. */
function filesHandler(tf, dir) {
  return {
    async load() {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      const specs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(new Uint8Array(fs.readFileSync(path.join(dir, p))));
      }
      const total = buffers.reduce((n, b) => n + b.byteLength, 0);
      const weightData = new Uint8Array(total);
      let at = 0;
      for (const b of buffers) {
        weightData.set(b, at);
        at += b.byteLength;
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: specs,
        weightData: weightData.buffer,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
      };
    },
  };
}

/** Writes the export like the page's download does and loads it with tf.loadLayersModel. */
async function roundTrip(tf, exporter, spec, parameters) {
  const { modelJson, weightData, weightsFile } = exporter.toTfjsLayersModel(spec, parameters, { weightsFile: 'weights.bin' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-tfjs-model-'));
  try {
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(modelJson));
    fs.writeFileSync(path.join(dir, weightsFile), weightData);
    return { model: await tf.loadLayersModel(filesHandler(tf, dir)), modelJson };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function mnistTestRows(M, count) {
  const inflate = async (file) => {
    const stream = new Blob([fs.readFileSync(path.join(root, 'public/data/mnist', `${file}.gz`))]).stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  const data = M.parseMnist(await inflate('t10k-images-idx3-ubyte'), await inflate('t10k-labels-idx1-ubyte'));
  const x = data.featureRows(0, count);
  data.delete();
  return x;
}

function maxAbsDiff(a, b) {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

const ROWS = 100;
const exporterModule = () => importTs('web/src/model/tfjs-export.ts').then(([m]) => m);

// The shipped file stores int8 weights (model file version 2); the loader
// hands back float32 parameters, which is what the export writes.
test('the shipped 784-300-100-10 int8 model exported to TF.js predicts the same probabilities (within 1e-5)', async () => {
  const [exporter, tf, M] = await Promise.all([exporterModule(), loadTf(), loadModule('simd')]);
  const loaded = M.loadModel(new Uint8Array(fs.readFileSync(path.join(root, 'public/models/mnist-mlp.mlpl'))));
  assert.equal(loaded.weights, 'int8');
  const x = await mnistTestRows(M, ROWS);
  const net = new M.Network(loaded.spec, loaded.parameters);
  const ours = net.predict(x, ROWS);
  net.delete();

  const { model, modelJson } = await roundTrip(tf, exporter, loaded.spec, loaded.parameters);
  assert.deepEqual(model.inputs[0].shape, [null, 784]);
  assert.deepEqual(model.outputs[0].shape, [null, 10]);
  assert.deepEqual(modelJson.modelTopology.config.layers.map((l) => l.config.activation), ['relu', 'relu', 'softmax']);
  const theirs = tf.tidy(() => model.predict(tf.tensor2d(x, [ROWS, 784])).dataSync());
  const diff = maxAbsDiff(ours, theirs);
  console.log(`784-300-100-10 on ${ROWS} MNIST test images: max |p_ours - p_tfjs| = ${diff.toExponential(2)}`);
  assert.ok(diff <= 1e-5, `probabilities differ by ${diff}`);
  const argmax = (p, r) => p.subarray(r * 10, r * 10 + 10).reduce((best, v, i, a) => (v > a[best] ? i : best), 0);
  for (let r = 0; r < ROWS; r++) assert.equal(argmax(theirs, r), argmax(ours, r), `row ${r}`);
  model.dispose();
});

test('every hidden activation the Train view offers round-trips (leaky ReLU as its own layer)', async () => {
  const [exporter, tf, M] = await Promise.all([exporterModule(), loadTf(), loadModule('simd')]);
  const x = await mnistTestRows(M, ROWS);
  const spec = {
    inputs: 784,
    layers: [
      { units: 24, activation: 'leaky_relu', alpha: 0.2 },
      { units: 20, activation: 'elu' },
      { units: 12, activation: 'tanh' },
      { units: 12, activation: 'sigmoid' },
      { units: 10, activation: 'leaky_relu' },
      { units: 10 },
    ],
    init: 'glorot_uniform',
    seed: 7,
  };
  // A briefly trained network, so no layer is at its initial symmetry.
  const mnist = M.Dataset.fromFloats(x, ROWS, 784, new Int32Array(ROWS).map((_, i) => i % 10), 10);
  const trainer = new M.Trainer(spec, { batchSize: 20, optimizer: 'adam', learningRate: 0.01 }, mnist);
  trainer.trainBatches(20);
  const normalized = trainer.networkSpec();
  const parameters = trainer.parameters();
  const ours = trainer.predict(x, ROWS);
  trainer.delete();
  mnist.delete();

  const { model, modelJson } = await roundTrip(tf, exporter, normalized, parameters);
  assert.deepEqual(
    modelJson.modelTopology.config.layers.map((l) => `${l.class_name}:${l.config.activation ?? l.config.alpha}`),
    ['Dense:linear', `LeakyReLU:${normalized.layers[0].alpha}`, 'Dense:elu', 'Dense:tanh', 'Dense:sigmoid',
      'Dense:linear', `LeakyReLU:${normalized.layers[4].alpha}`, 'Dense:softmax'],
  );
  const theirs = tf.tidy(() => model.predict(tf.tensor2d(x, [ROWS, 784])).dataSync());
  const diff = maxAbsDiff(ours, theirs);
  console.log(`6 hidden layers, 5 activations, on ${ROWS} images: max |p_ours - p_tfjs| = ${diff.toExponential(2)}`);
  assert.ok(diff <= 1e-5, `probabilities differ by ${diff}`);
  model.dispose();
});

test('the export refuses what it cannot express and parameters that do not fit', async () => {
  const exporter = await exporterModule();
  const spec = { inputs: 2, layers: [{ units: 3, activation: 'step', alpha: 0 }, { units: 2, activation: 'identity', alpha: 0 }], loss: 'softmax_cross_entropy', init: 'zeros' };
  assert.throws(() => exporter.toTfjsLayersModel(spec, new Float32Array(17)), /the step activation has no TensorFlow.js equivalent/);
  assert.throws(() => exporter.toTfjsLayersModel(spec, new Float32Array(5)), /must number 17 for this architecture, got 5/);
  const elu = { ...spec, layers: [{ units: 3, activation: 'elu', alpha: 0.5 }, spec.layers[1]] };
  assert.throws(() => exporter.toTfjsLayersModel(elu, new Float32Array(17)), /ELU with scale 0.5 has no TensorFlow.js equivalent/);
});
