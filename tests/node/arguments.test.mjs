// Arguments that once slipped through (issue 12): integers coerced by ToInt32
// (2^32 + 3 ran 3 batches, NaN was reported as "got 0"), and non-finite or
// out-of-range numbers that hung, returned NaN or wrote unloadable files.
// Each is now a named error that changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, flavours } from './load-module.mjs';
import { XOR_NET, assertRefused, assertUsable } from './refusal.mjs';

for (const flavour of flavours) {
  test(`${flavour}: integers are checked, never wrapped`, async () => {
    const M = await loadModule(flavour);
    const xor = M.Dataset.logicGate('xor');
    const t = new M.Trainer(XOR_NET, { batchSize: 4 }, xor);
    const before = t.parameters();
    assertRefused(M, () => t.trainBatches(2 ** 32 + 3), 'batches', /^batches per call must be an integer between -2147483648 and 2147483647, got 4294967299$/);
    assertRefused(M, () => t.trainBatches(NaN), 'batches', /^batches per call must be an integer, got NaN$/);
    assertRefused(M, () => t.trainBatches(1.5), 'batches', /must be an integer, got 1.5$/);
    assertRefused(M, () => t.trainBatches(Infinity), 'batches', /got Infinity$/);
    assert.deepEqual(t.parameters(), before, 'no batch ran');
    assert.equal(t.trainBatches(1).steps, 1, 'the first batch that runs is step 1');
    assertRefused(M, () => new M.Trainer(XOR_NET, { batchSize: 2 ** 32 + 4 }, xor), 'batch_size', /^batchSize must be an integer between .* got 4294967300$/);
    assertRefused(M, () => M.Dataset.twoMoons(2 ** 32 + 64, 0.1, 1), 'n', /^examples must be an integer between .* got 4294967360$/);
    assertRefused(M, () => xor.featureRows(0, 2 ** 31), 'count', /^row count must be an integer between .* got 2147483648$/);
    assertRefused(M, () => xor.slice(NaN, 1), 'first', /^slice start must be an integer, got NaN$/);
    assertRefused(M, () => M.surfaceGrid({ name: 'bowl' }, [0, 1, 0, 1], 2 ** 32 + 8, 8), 'nx', /grid columns must be an integer between/);
    assertRefused(M, () => M.preprocessDigit(new Float32Array(4), 2 ** 32 + 2, 2), 'width', /canvas width must be an integer between/);
    t.delete();
    xor.delete();
    assertUsable(M);
  });

  test(`${flavour}: non-finite and runaway numbers are refused by name`, async () => {
    const M = await loadModule(flavour);
    // benchGemm timed until minSeconds had passed: 1e9 hung.
    assertRefused(M, () => M.benchGemm('packed', 8, 8, 8, false, false, 1e9), 'min_seconds', /^min_seconds must be in \[0, 60\], got 1000000000$/);
    assertRefused(M, () => M.benchGemm('packed', 8, 8, 8, false, false, NaN), 'min_seconds', /got NaN$/);
    // NaN ink gave a NaN centre and a box [28, 28, 0, 0].
    const ink = new Float32Array(28 * 28).fill(0.5);
    ink[30] = NaN;
    assertRefused(M, () => M.preprocessDigit(ink, 28, 28), 'ink[30]', /^ink at pixel 30 must be finite, got NaN$/);
    ink[30] = -Infinity;
    assertRefused(M, () => M.preprocessDigit(ink, 28, 28), 'ink[30]', /got -Infinity$/);
    // saveModel wrote NaN weights that loadModel then refused.
    const spec = { inputs: 2, layers: [{ units: 2 }] };
    const weights = new Float32Array(6).fill(0.1);
    weights[4] = NaN;
    assertRefused(M, () => M.saveModel(spec, weights, ''), 'parameters[4]', /^parameter 4 must be finite, got NaN$/);
    // normalEquation with NaN said "all x are equal".
    const data = { x: new Float32Array([0, 1, NaN, 3]), y: new Float32Array([1, 2, 3, 4]) };
    assertRefused(M, () => M.normalEquation(data), 'x[2]', /^x\[2\] must be finite, got NaN$/);
    // regressionGrid with Inf returned NaN.
    const inf = { x: new Float32Array([0, 1, 2]), y: new Float32Array([1, Infinity, 3]) };
    assertRefused(M, () => M.regressionGrid(inf, [-1, 1, -1, 1], 4, 4), 'y[1]', /^y\[1\] must be finite, got Infinity$/);
    const line = M.linearData(20, 4, 3, 1, 42);
    assertRefused(M, () => M.regressionGrid(line, [-1e300, 1e300, -1, 1], 4, 4), 'bounds', /^x range must be increasing and within ±1000000, got \[-1e\+300, 1e\+300\]$/);
    assert.ok(M.regressionGrid(line, [-1e6, 1e6, -1e6, 1e6], 4, 4).every(Number.isFinite), 'the largest allowed grid is finite');
    // truncatedNormal(0, NaN) returned NaN.
    const rng = new M.Rng(1);
    assertRefused(M, () => rng.truncatedNormal(0, NaN), 'stddev', /^stddev must be finite and >= 0, got NaN$/);
    assertRefused(M, () => rng.truncatedNormal(Infinity, 1), 'mean', /^mean must be finite, got Infinity$/);
    assert.ok(Math.abs(rng.truncatedNormal(0, 1)) <= 2);
    rng.delete();
    // project(NaN…) returned NaN coordinates.
    const xor = M.Dataset.logicGate('xor');
    const t = new M.Trainer(XOR_NET, { batchSize: 4 }, xor);
    const landscape = new M.LossLandscape(t, xor, 1, 1, 5);
    const p = t.parameters();
    p[7] = NaN;
    assertRefused(M, () => landscape.project(p), 'parameters[7]', /^parameter 7 must be finite, got NaN$/);
    assert.deepEqual(landscape.project(t.parameters()), [0, 0]);
    landscape.delete();
    t.delete();
    xor.delete();
    assertUsable(M);
  });
}
