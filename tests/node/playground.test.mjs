// The decision-boundary playground's worker side under Node: a playground
// job is an ordinary training job (open / start / pause / reset) on the
// core's data and features. The widget's spiral preset reaches >= 95% test
// accuracy through the Controller; each epoch reports the whole training
// and test sets' losses; the maps agree with themselves (a focused output
// neuron is the output's column); a network trained to epoch N is bit for
// bit the same however its training was sliced, paused and resumed (what a
// link relies on); data and features are the same bits in both builds; bad
// settings come back as errors naming their field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flavours, loadModule } from './load-module.mjs';
import { importTs } from './ts-import.mjs';
import { ask as askOnce, fakeHost } from './fake-host.mjs';

const [{ Controller }] = await importTs('web/src/worker/controller.ts');

let nextId = 1;
const ask = (c, host, body) => askOnce(c, host, body, nextId++);
const progress = (host, job) => host.messages.filter((m) => m.type === 'progress' && m.job === job);
const last = (host, job) => progress(host, job).at(-1);

const GRID = { x0: -6, x1: 6, y0: -6, y1: 6, nx: 20, ny: 20 };
const SMALL = { x0: -6, x1: 6, y0: -6, y1: 6, nx: 6, ny: 6 };

// The widget's spiral preset (web/src/widgets/playground/presets.ts, settings.ts).
const SPIRAL = { set: 'spiral', classes: 2, points: 500, noise: 0, trainPercent: 50, seed: 1 };
const spiralJob = (extra = {}) => ({
  type: 'open',
  network: {
    inputs: 4,
    layers: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }, { units: 2 }],
    loss: 'softmax_cross_entropy',
    init: 'glorot_uniform',
    seed: 1,
  },
  train: { batchSize: 10, optimizer: 'adam', learningRate: 0.01, shuffleSeed: 1, regularization: 'none', regularizationRate: 0 },
  data: { kind: 'playground', data: SPIRAL, features: ['x1', 'x2', 'sinx1', 'sinx2'] },
  ...extra,
});

for (const flavour of flavours) {
  test(`${flavour}: the spiral preset is solved (>= 95% test accuracy) through the Controller`, async () => {
    const M = await loadModule(flavour);
    const host = fakeHost();
    const c = new Controller(M, host);
    const { job, batchesPerEpoch } = ask(c, host, spiralJob());
    assert.equal(batchesPerEpoch, 25, '250 training points in batches of 10');
    const before = ask(c, host, { type: 'pg-maps', job, grid: GRID, neuronGrid: SMALL, focus: null });
    ask(c, host, { type: 'start', job, epochs: 150 });
    host.drain(() => last(host, job)?.state === 'finished');
    const epochs = progress(host, job).flatMap((m) => m.epochsEnded);
    assert.deepEqual(epochs.map((e) => e.epoch), Array.from({ length: 150 }, (_, i) => i + 1), 'every epoch is reported once');
    for (const e of epochs) assert.ok(Number.isFinite(e.trainLoss) && Number.isFinite(e.validationLoss), `epoch ${e.epoch}`);
    const after = ask(c, host, { type: 'pg-maps', job, grid: GRID, neuronGrid: SMALL, focus: null });
    assert.equal(after.steps, 150 * 25);
    assert.equal(after.test.count, 250);
    assert.ok(before.test.accuracy < 0.7, `untrained: ${before.test.accuracy}`);
    assert.ok(after.test.accuracy >= 0.95, `test accuracy ${after.test.accuracy}`);
    // The last epoch's reported losses are the whole sets' losses now.
    assert.ok(Math.abs(epochs.at(-1).trainLoss - after.train.loss) < 1e-9);
    assert.ok(Math.abs(epochs.at(-1).validationLoss - after.test.loss) < 1e-9);
    assert.ok(epochs.at(-1).trainLoss < epochs[0].trainLoss / 10, 'the training loss fell');
    console.log(`${flavour}: spiral preset test accuracy ${(after.test.accuracy * 100).toFixed(1)}% after 150 epochs`);
  });
}

test('pg-maps: shapes, every feature pictured, a focused neuron on the fine grid', async () => {
  const M = await loadModule('simd');
  const host = fakeHost();
  const c = new Controller(M, host);
  const { job } = ask(c, host, spiralJob());
  const cells = GRID.nx * GRID.ny;
  const small = SMALL.nx * SMALL.ny;
  const m = ask(c, host, { type: 'pg-maps', job, grid: GRID, neuronGrid: SMALL, focus: { layer: 2, unit: 1 } });
  assert.equal(m.outputs, 2);
  assert.equal(m.output.length, cells * 2);
  assert.deepEqual(m.layers.map((l) => l.length), [small * 8, small * 8, small * 2]);
  assert.equal(m.features.length, small * 7, 'all seven features, fed in or not');
  // Feature x1sq at the first coarse cell (−5, −5): 25.
  assert.equal(m.features[2], 25);
  assert.equal(m.parameters.length, (4 + 1) * 8 + (8 + 1) * 8 + (8 + 1) * 2);
  // The focused output neuron is the output's second column, bit for bit.
  for (let k = 0; k < cells; k++) assert.equal(m.focus[k], m.output[2 * k + 1]);
  for (let k = 0; k < cells; k++) assert.ok(Math.abs(m.output[2 * k] + m.output[2 * k + 1] - 1) < 1e-6);
  assert.match(ask(c, host, { type: 'pg-maps', job, grid: GRID, neuronGrid: SMALL, focus: { layer: 0, unit: 8 } }).error, /focus must name a neuron/);
  const gate = ask(c, host, { type: 'open', network: { inputs: 2, layers: [{ units: 2 }] }, train: { batchSize: 4 }, data: { kind: 'gate', gate: 'xor' } });
  assert.match(ask(c, host, { type: 'pg-maps', job: gate.job, grid: GRID, neuronGrid: SMALL, focus: null }).error, /does not train on playground data/);
  const d = ask(c, host, { type: 'pg-data', data: SPIRAL });
  assert.equal(d.train, 250);
  assert.equal(d.test, 250);
  assert.equal(d.x.length, 1000);
});

test('a network trained to epoch N is the same bits however its training was sliced, paused and resumed', async () => {
  const M = await loadModule('simd');
  const host = fakeHost();
  const c = new Controller(M, host);
  const a = ask(c, host, spiralJob()).job;
  const b = ask(c, host, spiralJob()).job;
  ask(c, host, { type: 'start', job: a, epochs: 40 });
  host.drain(() => last(host, a)?.state === 'finished');
  // b: paced, paused, stepped one epoch at a time, then flat out.
  ask(c, host, { type: 'start', job: b, epochs: 1000, batchesPerSecond: 400 });
  host.drain(() => (last(host, b)?.steps ?? 0) > 30);
  ask(c, host, { type: 'pause', job: b });
  let epoch = last(host, b).epoch;
  for (let i = 0; i < 3; i++) {
    ask(c, host, { type: 'start', job: b, epochs: 1 });
    host.drain(() => last(host, b)?.state === 'finished' && last(host, b).epoch === epoch + 1);
    epoch += 1;
  }
  ask(c, host, { type: 'start', job: b, epochs: 40 - epoch });
  host.drain(() => last(host, b)?.state === 'finished' && last(host, b).epoch === 40);
  const ma = ask(c, host, { type: 'pg-maps', job: a, grid: GRID, neuronGrid: SMALL, focus: null });
  const mb = ask(c, host, { type: 'pg-maps', job: b, grid: GRID, neuronGrid: SMALL, focus: null });
  assert.equal(ma.steps, mb.steps);
  assert.deepEqual(mb.parameters, ma.parameters);
  assert.deepEqual(mb.output, ma.output);
  // A reset is epoch 0 again, the same weights as a fresh job's.
  const fresh = ask(c, host, spiralJob()).job;
  ask(c, host, { type: 'reset', job: a });
  assert.deepEqual(
    ask(c, host, { type: 'pg-maps', job: a, grid: GRID, neuronGrid: SMALL, focus: null }).parameters,
    ask(c, host, { type: 'pg-maps', job: fresh, grid: GRID, neuronGrid: SMALL, focus: null }).parameters,
  );
});

test('the data and the features are the same bits in every build (SIMD, scalar, threads)', async () => {
  const [simd, ...others] = await Promise.all(flavours.map(loadModule));
  for (const set of ['circle', 'xor', 'gauss', 'spiral', 'plane', 'multigauss']) {
    const spec = { set, classes: 2, points: 300, noise: 0.3, trainPercent: 40, seed: 9, drawn: new Float32Array([1, 2, set === 'plane' || set === 'multigauss' ? 0.5 : 1]) };
    const a = simd.playgroundData(spec);
    const names = simd.vocabulary().playground.features;
    for (const [i, other] of others.entries()) {
      assert.deepEqual(other.playgroundData(spec), a, `${set} (${flavours[i + 1]})`);
      assert.deepEqual(other.playgroundFeatures(a.x, names), simd.playgroundFeatures(a.x, names), `${set} features (${flavours[i + 1]})`);
    }
  }
});

test('bad playground settings are refused with their field named, and open nothing', async () => {
  const M = await loadModule('simd');
  const host = fakeHost();
  const c = new Controller(M, host);
  const data = (d, features = ['x1', 'x2']) => spiralJob({ data: { kind: 'playground', data: { ...SPIRAL, ...d }, features }, network: { inputs: features.length, layers: [{ units: 2 }] } });
  assert.equal(ask(c, host, data({ set: 'xor', classes: 3 })).error, 'classes must be between 2 and 2 for xor, got 3');
  assert.equal(ask(c, host, data({ noise: 0.7 })).error, 'noise must be in [0, 0.5], got 0.7');
  assert.equal(ask(c, host, data({ set: 'moons' })).error, "data set must be one of circle, xor, gauss, spiral, plane, multigauss, got 'moons'");
  assert.equal(ask(c, host, data({}, ['x1', 'cosx1'])).error, "feature must be one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, got 'cosx1'");
  assert.equal(ask(c, host, data({ drawn: new Float32Array([0, 9, 1]) })).error.split(',')[0], 'drawn point 1 must lie in [-6');
  assert.equal(ask(c, host, data({ drawn: new Float32Array([0, 1]) })).error, 'drawn must hold (x1, x2, label) triples, got 2');
  assert.equal(ask(c, host, spiralJob({ train: { batchSize: 10, regularization: 'l2', regularizationRate: -1 } })).error, 'regularization_rate must be finite and >= 0, got -1');
  assert.equal(ask(c, host, spiralJob({ train: { batchSize: 10, regularization: 'l3' } })).error, "regularization must be one of none, l1, l2, got 'l3'");
  assert.equal(ask(c, host, { type: 'pg-data', data: { ...SPIRAL, points: 0 } }).error, 'the training set is empty: generate points (points > 0) or draw some');
  assert.equal(host.messages.filter((m) => m.type === 'progress').length, 0, 'no job was opened');
});

test('an L2 penalty set on a live playground job shrinks its weights; its report says so', async () => {
  const M = await loadModule('simd');
  const host = fakeHost();
  const c = new Controller(M, host);
  const plain = ask(c, host, spiralJob()).job;
  const decayed = ask(c, host, spiralJob()).job;
  ask(c, host, { type: 'setTrain', job: decayed, train: { optimizer: 'adam', learningRate: 0.01, regularization: 'l2', regularizationRate: 0.1 } });
  for (const job of [plain, decayed]) {
    ask(c, host, { type: 'start', job, epochs: 30 });
    host.drain(() => last(host, job)?.state === 'finished');
  }
  const norm = (p) => p.reduce((s, w) => s + w * w, 0);
  const [a, b] = [plain, decayed].map((job) => ask(c, host, { type: 'pg-maps', job, grid: SMALL, neuronGrid: SMALL, focus: null }).parameters);
  assert.ok(norm(b) < 0.6 * norm(a), `|w|² ${norm(b)} with L2 against ${norm(a)} without`);
});
