// The chapter's two classic results through the bindings: the perceptron
// learns the linearly separable gates but not XOR; a 2-4-2 MLP learns XOR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, flavours } from './load-module.mjs';

for (const flavour of flavours) {
  test(`${flavour}: perceptron converges exactly on the separable gates`, async () => {
    const M = await loadModule(flavour);
    for (const gate of ['and', 'or', 'nand', 'nor', 'xor', 'xnor']) {
      const d = M.Dataset.logicGate(gate);
      const r = M.trainPerceptron(d, 0.1, 1000);
      d.delete();
      const separable = !gate.startsWith('x');
      assert.equal(r.converged, separable, gate);
      assert.equal(r.errors.length, r.epochs);
      if (!separable) assert.equal(r.epochs, 1000, gate);
    }
  });

  test(`${flavour}: a 2-4-2 MLP reaches 100% on XOR and predicts probabilities`, async () => {
    const M = await loadModule(flavour);
    const d = M.Dataset.logicGate('xor');
    const t = new M.Trainer(
      { inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 2 }], init: 'glorot_uniform', seed: 1 },
      { batchSize: 4, optimizer: 'adam', learningRate: 0.05 }, d);
    for (let i = 0; i < 300; i++) t.trainBatches(1);
    assert.equal(t.evaluate(d).accuracy, 1);
    assert.deepEqual(Array.from(t.predictLabels(d)), [0, 1, 1, 0]);
    const p = t.predict(new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]), 4);
    assert.equal(p.length, 8);
    for (let i = 0; i < 4; i++) assert.ok(Math.abs(p[2 * i] + p[2 * i + 1] - 1) < 1e-5);
    assert.ok(p[1] < 0.5 && p[3] > 0.5 && p[5] > 0.5 && p[7] < 0.5);
    t.delete();
    d.delete();
  });
}
