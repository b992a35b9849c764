// C++ errors reach JavaScript as MlpError objects carrying the C++ message
// and the refused field as data, and a call that throws leaves the objects it
// was called on unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadModule, flavours, root } from './load-module.mjs';
import { XOR_NET as NET, assertRefused, assertUsable } from './refusal.mjs';

// The field ids documented in the JS contract, read from bindings/mlp.d.ts.
function documentedFields() {
  const dts = fs.readFileSync(path.join(root, 'bindings/mlp.d.ts'), 'utf8');
  const union = /export type MlpErrorField =([^;]*);/.exec(dts)[1];
  return [...union.matchAll(/'([^']+)'|`([^`]+)`/g)].map((m) =>
    m[1] !== undefined ? m[1] : new RegExp(`^${m[2].split('${number}').map((p) => p.replace(/[[\].]/g, '\\$&')).join('\\d+')}$`));
}

for (const flavour of flavours) {
  test(`${flavour}: invalid arguments throw MlpErrors that name the field and value`, async () => {
    const M = await loadModule(flavour);
    const xor = M.Dataset.logicGate('xor');
    const trainer = (net, train) => new M.Trainer(net, train, xor);
    const cases = [
      [() => trainer(NET, { batchSize: 4, learningRate: -1 }), 'learning_rate', /^learning_rate must be finite and > 0, got -1$/],
      [() => trainer(NET, { batchSize: 4, learningRate: 0 }), 'learning_rate', /learning_rate must be finite and > 0, got 0/],
      [() => trainer(NET, { batchSize: 4, learningRate: NaN }), 'learning_rate', /learning_rate must be finite and > 0, got NaN$/],
      [() => trainer(NET, { batchSize: 4, learningRate: '0.1' }), 'learning_rate', /^learningRate must be a number$/],
      [() => trainer(NET, { batchSize: 0 }), 'batch_size', /batch_size must be between 1 and 4, got 0/],
      [() => trainer(NET, { batchSize: 5 }), 'batch_size', /batch_size must be between 1 and 4, got 5/],
      [() => trainer(NET, { batchSize: 2.5 }), 'batch_size', /^batchSize must be an integer, got 2.5$/],
      [() => trainer({ ...NET, layers: [{ units: 0 }, { units: 2 }] }, { batchSize: 4 }), 'layers[0].units', /units of hidden layer 1 must be between 1 and 1024, got 0/],
      [() => trainer({ ...NET, layers: [{ units: 4 }, { units: 2000 }] }, { batchSize: 4 }), 'layers[1].units', /^output units must be between 1 and 1024, got 2000$/],
      [() => trainer({ ...NET, layers: [{ units: 4 }, {}] }, { batchSize: 4 }), 'layers[1].units', /^layers\[1\]\.units is required$/],
      [() => trainer({ ...NET, layers: [{ units: 4, activation: 'relu', alpha: -1 }, { units: 2 }] }, { batchSize: 4 }), 'layers[0].alpha', /alpha of hidden layer 1 must be finite and >= 0, got -1/],
      [() => trainer({ ...NET, layers: [{ units: 4 }, { units: 2, activation: 'relu' }] }, { batchSize: 4 }), 'layers[1].activation', /output activation must be identity/],
      [() => trainer({ ...NET, inputs: 3 }, { batchSize: 4 }), 'data', /dataset features must equal the network's inputs \(3\), got 2/],
      [() => trainer({ ...NET, layers: [{ units: 4, activation: 'swish' }, { units: 2 }] }, { batchSize: 4 }), 'layers[0].activation', /activation must be one of .* got 'swish'/],
      [() => trainer({ ...NET, seed: -1 }, { batchSize: 4 }), 'seed', /seed must be an integer in \[0, 2\^53\), got -1/],
      [() => trainer(NET, { batchSize: 4, optimizer: 'lbfgs' }), 'optimizer', /optimizer must be one of/],
      [() => trainer(NET, { batchSize: 4, momentum: 1.5, optimizer: 'momentum' }), 'momentum', /momentum must be in \[0, 1\), got 1.5/],
      [() => trainer(NET, { batchSize: 4, shuffleSeed: 0.5 }), 'shuffle_seed', /shuffleSeed must be an integer/],
      [() => trainer(NET, null), 'train', /training config must be an object/],
      [() => M.Dataset.fromFloats(new Float32Array(4), 2, 2, new Int32Array([0, 7]), 2), 'labels[1]', /label 1 must be in \[0, 2\), got 7/],
      [() => M.Dataset.fromFloats(new Float32Array(3), 2, 2, new Int32Array(2), 2), 'features', /features length must be rows × cols = 4, got 3/],
      [() => M.Dataset.fromFloats(new Float32Array([1, NaN, 3, 4]), 2, 2, new Int32Array(2), 2), 'features[1]', /feature 1 must be finite, got NaN/],
      [() => M.Dataset.fromFloats([1, 2, 3, 4], 2, 2, new Int32Array(2), 2), 'features', /features must be a Float32Array/],
      [() => M.Dataset.logicGate('xand'), 'gate', /gate must be one of/],
      [() => new M.Rng(-1), 'seed', /seed must be an integer in \[0, 2\^53\), got -1/],
      [() => M.trainPerceptron(xor, 0.1, 0), 'max_epochs', /max_epochs must be between 1 and 1000000, got 0/],
      [() => M.surfaceGrid({ name: 'bowl' }, [0, 1, 0], 8, 8), 'bounds', /bounds must be \[x0, x1, y0, y1\]/],
      [() => M.surfaceInfo({ name: 'teacup' }), 'surface', /surface must be one of/],
      [() => M.parseMnist(new Uint8Array(16), new Uint8Array(8)), 'images', /IDX images: magic number must be 2051/],
      [() => M.loadModel(new Uint8Array(8)), 'bytes', /^model file: not an MLP Lab model/],
    ];
    const documented = documentedFields();
    for (const [fn, field, pattern] of cases) {
      assertRefused(M, fn, field, pattern);
      assert.ok(documented.some((d) => (typeof d === 'string' ? d === field : d.test(field))),
        `${field} is listed in MlpErrorField (bindings/mlp.d.ts)`);
    }
    xor.delete();
    assertUsable(M);
  });

  test(`${flavour}: MlpError is exported by the module file and is an Error`, async () => {
    const M = await loadModule(flavour);
    const { MlpError } = await import(path.join(root, 'web/generated', `mlp-${flavour}.mjs`));
    assert.equal(M.MlpError, MlpError);
    const e = new MlpError('x must be y, got z', 'x');
    assert.ok(e instanceof Error);
    assert.deepEqual([e.name, e.message, e.field], ['MlpError', 'x must be y, got z', 'x']);
    assert.match(e.stack, /MlpError: x must be y/);
  });

  // Embind dispatches a name with several arities through a table on the
  // function; the error wrapper once hid it, so `npm run bench` broke.
  test(`${flavour}: a function with two arities works through the error wrapper`, async () => {
    const M = await loadModule(flavour);
    const generated = M.benchSeedMlp('sgd', 2, 10);
    assert.ok(generated.trainPerSecond > 0 && Number.isFinite(generated.finalLoss), JSON.stringify(generated));
    const xor = M.Dataset.logicGate('xor');
    assert.throws(() => M.benchSeedMlp('sgd', 2, 2, xor), (e) => e instanceof M.MlpError && e.message === 'batch_size must be between 1 and 4, got 50');
    assert.throws(() => M.benchSeedMlp('lbfgs', 2, 10), (e) => e instanceof M.MlpError && /optimizer/.test(e.message));
    xor.delete();
    assertUsable(M);
  });

  test(`${flavour}: a failed call changes nothing`, async () => {
    const M = await loadModule(flavour);
    const xor = M.Dataset.logicGate('xor');
    const t = new M.Trainer(NET, { batchSize: 4, optimizer: 'adam', learningRate: 0.05 }, xor);
    const before = t.parameters();
    assertRefused(M, () => t.setParameters(new Float32Array(3)), 'parameters', /parameter count must be 22/);
    assertRefused(M, () => t.setParameters(new Float32Array(22).fill(NaN)), 'parameters', /parameters must all be finite/);
    assertRefused(M, () => t.trainBatches(0), 'batches', /batches per call must be between 1 and 1000000, got 0/);
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
    assert.doesNotMatch(r.message, /nan/);
    assert.ok(t.parameters().every(Number.isFinite));
    t.delete();
    data.delete();
  });
}
