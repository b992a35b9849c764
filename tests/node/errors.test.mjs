// C++ errors reach JavaScript as Error objects carrying the C++ message, and a
// call that throws leaves the objects it was called on unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, flavours } from './load-module.mjs';

const NET = { inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 2 }], init: 'glorot_uniform', seed: 1 };

for (const flavour of flavours) {
  test(`${flavour}: invalid arguments throw Errors that name the field and value`, async () => {
    const M = await loadModule(flavour);
    const xor = M.Dataset.logicGate('xor');
    const cases = [
      [() => new M.Trainer(NET, { batchSize: 4, learningRate: -1 }, xor), /^learning_rate must be finite and > 0, got -1$/],
      [() => new M.Trainer(NET, { batchSize: 4, learningRate: 0 }, xor), /learning_rate must be finite and > 0, got 0/],
      [() => new M.Trainer(NET, { batchSize: 4, learningRate: NaN }, xor), /learning_rate must be finite and > 0, got nan/],
      [() => new M.Trainer(NET, { batchSize: 0 }, xor), /batch_size must be between 1 and 4, got 0/],
      [() => new M.Trainer(NET, { batchSize: 5 }, xor), /batch_size must be between 1 and 4, got 5/],
      [() => new M.Trainer({ ...NET, layers: [{ units: 0 }, { units: 2 }] }, { batchSize: 4 }, xor), /units of hidden layer 1 must be between 1 and 1024, got 0/],
      [() => new M.Trainer({ ...NET, layers: [{ units: 2000 }, { units: 2 }] }, { batchSize: 4 }, xor), /got 2000/],
      [() => new M.Trainer({ ...NET, inputs: 3 }, { batchSize: 4 }, xor), /dataset features must equal the network's inputs \(3\), got 2/],
      [() => new M.Trainer({ ...NET, layers: [{ units: 4, activation: 'swish' }, { units: 2 }] }, { batchSize: 4 }, xor), /activation must be one of .* got 'swish'/],
      [() => new M.Trainer(NET, { batchSize: 4, optimizer: 'lbfgs' }, xor), /optimizer must be one of/],
      [() => new M.Trainer(NET, { batchSize: 4, momentum: 1.5, optimizer: 'momentum' }, xor), /momentum must be in \[0, 1\), got 1.5/],
      [() => M.Dataset.fromFloats(new Float32Array(4), 2, 2, new Int32Array([0, 7]), 2), /label 1 must be in \[0, 2\), got 7/],
      [() => M.Dataset.fromFloats(new Float32Array(3), 2, 2, new Int32Array(2), 2), /features length must be rows × cols = 4, got 3/],
      [() => M.Dataset.fromFloats([1, 2, 3, 4], 2, 2, new Int32Array(2), 2), /features must be a Float32Array/],
      [() => new M.Rng(-1), /seed must be an integer in \[0, 2\^53\), got -1/],
      [() => M.trainPerceptron(xor, 0.1, 0), /max_epochs must be between 1 and 1000000, got 0/],
    ];
    for (const [fn, pattern] of cases) {
      assert.throws(fn, (e) => e instanceof Error && pattern.test(e.message), `expected ${pattern}`);
    }
    xor.delete();
  });

  test(`${flavour}: a failed call changes nothing`, async () => {
    const M = await loadModule(flavour);
    const xor = M.Dataset.logicGate('xor');
    const t = new M.Trainer(NET, { batchSize: 4, optimizer: 'adam', learningRate: 0.05 }, xor);
    const before = t.parameters();
    assert.throws(() => t.setParameters(new Float32Array(3)), /parameter count must be 22/);
    assert.throws(() => t.setParameters(new Float32Array(22).fill(NaN)), /parameters must all be finite/);
    assert.throws(() => t.trainBatches(0), /batches per call must be between 1 and 1000000, got 0/);
    assert.deepEqual(t.parameters(), before);
    // Still fully usable afterwards.
    for (let i = 0; i < 300; i++) t.trainBatches(1);
    assert.equal(t.evaluate(xor).accuracy, 1);
    t.delete();
    xor.delete();
  });

  test(`${flavour}: divergence is reported and the weights stay finite`, async () => {
    const M = await loadModule(flavour);
    const data = M.Dataset.gaussianBlobs(64, 4, 2, 1.0, 9);
    const t = new M.Trainer({ inputs: 4, layers: [{ units: 16, activation: 'relu' }, { units: 2 }] },
      { batchSize: 8, learningRate: 1e30 }, data);
    let r;
    for (let i = 0; i < 10; i++) { r = t.trainBatches(8); if (r.diverged) break; }
    assert.equal(r.diverged, true);
    assert.match(r.message, /weights restored/);
    assert.ok(t.parameters().every(Number.isFinite));
    t.delete();
    data.delete();
  });
}
