// Shared by the tests of refused calls: a refusal is the module's MlpError
// carrying the expected field and message, and the module keeps working.
import assert from 'node:assert/strict';

export const XOR_NET = {
  inputs: 2,
  layers: [{ units: 4, activation: 'tanh' }, { units: 2 }],
  init: 'glorot_uniform',
  seed: 1,
};

export function assertRefused(M, fn, field, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof M.MlpError && e instanceof Error, `expected an MlpError, got ${e}`);
    assert.equal(e.name, 'MlpError');
    assert.equal(e.field, field, `field of "${e.message}"`);
    assert.match(e.message, pattern);
    return true;
  });
}

// Whatever came before, the module still trains XOR to 100%.
export function assertUsable(M) {
  const xor = M.Dataset.logicGate('xor');
  const t = new M.Trainer(XOR_NET, { batchSize: 4, optimizer: 'adam', learningRate: 0.05 }, xor);
  for (let i = 0; i < 300; i++) t.trainBatches(1);
  const accuracy = t.evaluate(xor).accuracy;
  t.delete();
  xor.delete();
  assert.equal(accuracy, 1, 'the module trains XOR after the refusals');
}
