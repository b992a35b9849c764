// A live Trainer through the bindings: the seed lives in the core's spec, and
// setOptimizer / setBatchSize / setAugment continue training where it was
// (the core's own tests check the steps by hand; this checks the contract).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, flavours } from './load-module.mjs';

const NET = { inputs: 4, layers: [{ units: 8, activation: 'tanh' }, { units: 3 }], init: 'glorot_uniform' };

for (const flavour of flavours) {
  test(`${flavour}: the weight seed is part of the core's spec`, async () => {
    const M = await loadModule(flavour);
    const data = M.Dataset.gaussianBlobs(30, 4, 3, 0.5, 1);
    const params = (seed) => {
      const t = new M.Trainer(seed === undefined ? NET : { ...NET, seed }, { batchSize: 10 }, data);
      const p = t.parameters();
      assert.equal(t.networkSpec().seed, seed ?? 42);
      t.delete();
      return p;
    };
    assert.deepEqual(params(undefined), params(42));
    assert.deepEqual(params(7), params(7));
    assert.notDeepEqual(params(7), params(8));
    // A model file keeps the weights, not the seed: a loaded spec says 42.
    const bytes = M.saveModel({ ...NET, seed: 7 }, params(7), '');
    assert.equal(M.loadModel(bytes).spec.seed, 42);
    data.delete();
  });

  test(`${flavour}: setOptimizer continues the run with the new settings`, async () => {
    const M = await loadModule(flavour);
    const data = M.Dataset.gaussianBlobs(60, 4, 3, 0.5, 2);
    const t = new M.Trainer(NET, { batchSize: 20, optimizer: 'sgd', learningRate: 0.05, shuffleSeed: 3 }, data);
    assert.equal(t.trainBatches(4).steps, 3); // 3 batches an epoch: stops at its end
    const before = t.trainBatches(1);
    assert.deepEqual([before.epoch, before.batch, before.steps], [1, 1, 4]);
    // Other fields are ignored; absent ones take the optimizer's defaults.
    t.setOptimizer({ optimizer: 'adam', batchSize: 3, shuffleSeed: 99, augment: true });
    assert.deepEqual(t.trainConfig(), {
      batchSize: 20, optimizer: 'adam', learningRate: 0.001, momentum: 0.9, rho: 0.99, beta1: 0.9, beta2: 0.999,
      epsilon: 1e-8, shuffleSeed: 3, augment: false,
    });
    t.setOptimizer({ ...t.trainConfig(), learningRate: 0.02 });
    assert.equal(t.trainConfig().learningRate, 0.02);
    const after = t.trainBatches(1);
    assert.deepEqual([after.epoch, after.batch, after.steps, after.losses.length], [1, 2, 5, 1]);
    const later = t.trainBatches(3);
    assert.deepEqual([later.epoch, later.batch, later.steps, later.losses.length], [2, 0, 6, 1]);
    t.delete();
    data.delete();
  });

  test(`${flavour}: setBatchSize re-splits the rest of the epoch, later epochs use the new size`, async () => {
    const M = await loadModule(flavour);
    const data = M.Dataset.gaussianBlobs(50, 4, 3, 0.5, 2);
    const t = new M.Trainer(NET, { batchSize: 8 }, data); // 6 batches: 9, 9, 8, 8, 8, 8
    t.trainBatches(2);
    t.setBatchSize(15); // 32 left: 16, 16
    assert.equal(t.trainConfig().batchSize, 15);
    assert.equal(t.batchesPerEpoch(), 4);
    const r = t.trainBatches(10);
    assert.deepEqual([r.losses.length, r.examplesSeen, r.epochEnded, r.batchesPerEpoch], [2, 50, true, 3]);
    assert.equal(t.trainBatches(10).examplesSeen, 100);
    assert.throws(() => t.setBatchSize(51), /^MlpError: batch_size must be between 1 and 50, got 51$/);
    assert.throws(() => t.setBatchSize(2.5), /^MlpError: batch_size must be an integer, got 2.5$/);
    t.delete();
    data.delete();
  });

  test(`${flavour}: setAugment needs square images and a boolean`, async () => {
    const M = await loadModule(flavour);
    const data = M.Dataset.gaussianBlobs(20, 64, 2, 0.1, 2);
    const square = new M.Trainer({ inputs: 64, layers: [{ units: 4, activation: 'relu' }, { units: 2 }] }, { batchSize: 10 }, data);
    square.setAugment(true);
    assert.equal(square.trainConfig().augment, true);
    assert.equal(square.trainBatches(2).losses.length, 2);
    square.setAugment(false);
    assert.equal(square.trainConfig().augment, false);
    assert.throws(() => square.setAugment('yes'), /^MlpError: augment must be true or false$/);
    square.delete();
    data.delete();
    const blobs = M.Dataset.gaussianBlobs(20, 5, 3, 0.5, 2);
    const t = new M.Trainer({ ...NET, inputs: 5 }, { batchSize: 10 }, blobs);
    assert.throws(() => t.setAugment(true), /^MlpError: augmented inputs must be a square image, got 5$/);
    assert.equal(t.trainConfig().augment, false);
    t.delete();
    blobs.delete();
  });

  test(`${flavour}: a refused change leaves the trainer as it was`, async () => {
    const M = await loadModule(flavour);
    const data = M.Dataset.gaussianBlobs(40, 4, 3, 0.5, 5);
    const config = { batchSize: 8, optimizer: 'momentum', learningRate: 0.05, momentum: 0.8 };
    const t = new M.Trainer(NET, config, data), twin = new M.Trainer(NET, config, data);
    t.trainBatches(2), twin.trainBatches(2);
    const before = t.trainConfig();
    assert.throws(() => t.setOptimizer({ optimizer: 'momentum', momentum: 1 }), /^MlpError: momentum must be in \[0, 1\), got 1$/);
    assert.throws(() => t.setOptimizer({ optimizer: 'adam', learningRate: -1 }), /learning_rate must be finite and > 0, got -1/);
    assert.throws(() => t.setOptimizer({ optimizer: 'lbfgs' }), /optimizer must be one of/);
    assert.throws(() => t.setOptimizer(null), /optimizer settings must be an object/);
    assert.throws(() => t.setBatchSize(0), /batch_size must be between 1 and 40, got 0/);
    assert.deepEqual(t.trainConfig(), before);
    for (let i = 0; i < 5; i++) assert.deepEqual(t.trainBatches(1), twin.trainBatches(1));
    assert.deepEqual(t.parameters(), twin.parameters());
    t.delete(), twin.delete();
    data.delete();
  });

  test(`${flavour}: superseded and unused bindings are gone`, async () => {
    const M = await loadModule(flavour);
    const data = M.Dataset.logicGate('xor');
    const t = new M.Trainer({ inputs: 2, layers: [{ units: 2 }] }, { batchSize: 4 }, data);
    assert.equal(t.setLearningRate, undefined);
    assert.equal(M.Dataset.withTargets, undefined);
    const walk = new M.RegressionWalk(M.linearData(20, 4, 3, 1, 1), 5, { learningRate: 0.1 }, false, 0, 0, 1);
    assert.equal(walk.visited, undefined);
    assert.equal(typeof M.perceptronPredict, 'function');
    walk.delete(), t.delete(), data.delete();
  });
}
