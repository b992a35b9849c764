// The lessons' worker side under Node: each `lesson-…` request through the
// Controller answers with the core's numbers (McCulloch–Pitts XOR, OR's
// walk ending on (−1, 1, 1), XOR's cycle, a backprop trace equal to its
// finite differences), a bad request fails naming its field, the SIMD and
// scalar builds give the same numbers, and signed weights round-trip a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flavours, loadModule } from './load-module.mjs';
import { importTs } from './ts-import.mjs';
import { ask, fakeHost } from './fake-host.mjs';

const [{ Controller }, urlState] = await importTs('web/src/worker/controller.ts', 'web/src/state/url-state.ts');
const modules = Object.fromEntries(await Promise.all(flavours.map(async (f) => [f, await loadModule(f)])));

const GATE_X = Float32Array.of(0, 0, 0, 1, 1, 0, 1, 1);
const spec = { inputs: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 2 }], loss: 'softmax_cross_entropy', init: 'glorot_uniform', seed: 4 };

function answers(mod) {
  const host = fakeHost();
  const runner = new Controller(mod, host);
  const xor = {
    inputs: 2,
    units: [
      { synapses: Int32Array.of(1, -1), threshold: 1 },
      { synapses: Int32Array.of(-1, 1, 0), threshold: 1 },
      { synapses: Int32Array.of(0, 0, 1, 1), threshold: 1 },
    ],
  };
  const parameters = ask(runner, host, { type: 'lesson-initial-weights', network: spec }).parameters;
  return {
    threshold: ask(runner, host, { type: 'lesson-threshold', network: xor }),
    or: ask(runner, host, { type: 'lesson-perceptron', data: { x: GATE_X, labels: Int32Array.of(0, 1, 1, 1) }, learningRate: 1, maxEpochs: 100 }),
    xor: ask(runner, host, { type: 'lesson-perceptron', data: { x: GATE_X, labels: Int32Array.of(0, 1, 1, 0) }, learningRate: 1, maxEpochs: 100 }),
    backprop: ask(runner, host, { type: 'lesson-backprop', network: spec, parameters, x: Float32Array.of(1, 1), target: Float32Array.of(1, 0), learningRate: 0.5, h: 1e-5 }),
    hebb: ask(runner, host, { type: 'lesson-hebb', data: { x: GATE_X, labels: Int32Array.of(0, 0, 0, 1) }, learningRate: 1, presentations: 8 }),
    separable: ask(runner, host, { type: 'lesson-separable', n: 12, margin: 0.1, seed: 3 }),
    badTarget: ask(runner, host, { type: 'lesson-backprop', network: spec, parameters, x: Float32Array.of(1, 1), target: Float32Array.of(0.5, 0.2), learningRate: 0.5, h: 1e-5 }),
    badUnit: ask(runner, host, { type: 'lesson-threshold', network: { inputs: 2, units: [{ synapses: Int32Array.of(1, 3), threshold: 1 }] } }),
    badMargin: ask(runner, host, { type: 'lesson-margins', margins: [0.5], sets: 2, points: 10, seed: 1, learningRate: 1, maxEpochs: 10 }),
  };
}

const results = Object.fromEntries(flavours.map((f) => [f, answers(modules[f])]));

test('lesson requests answer with the core’s numbers', () => {
  const r = results.simd;
  assert.deepEqual(Array.from(r.threshold.outputs), [0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0], 'h₁, h₂, y per row: y is XOR');
  assert.equal(r.or.walk.converged, true);
  assert.equal(r.or.cycle, null);
  assert.deepEqual(Array.from(r.or.walk.after.slice(-3)), [-1, 1, 1]);
  assert.equal(r.xor.walk.converged, false);
  assert.equal(r.xor.cycle.start, 2);
  assert.equal(r.xor.cycle.length, 1);
  assert.deepEqual(Array.from(r.xor.cycle.cyclePath.slice(0, 3)), [0, -1, 0]);
  const { trace, finiteDifferences } = r.backprop;
  assert.equal(trace.gradient.length, 3 * 3 + 4 * 2);
  trace.gradient.forEach((g, k) => assert.ok(Math.abs(g - finiteDifferences[k]) <= 1e-8 + 1e-6 * Math.abs(g), `parameter ${k}: ${g} vs ${finiteDifferences[k]}`));
  assert.ok(Array.from(r.hebb.hebbDelta).every((d) => d >= 0), 'Hebb’s Δw is never negative on 0/1 data');
  assert.equal(r.separable.labels.length, 12);
  assert.ok(r.separable.margin >= 0.1);
});

test('a bad lesson request fails naming its field', () => {
  const r = results.simd;
  assert.equal(r.badTarget.error, 'targets must sum to 1 for softmax_cross_entropy, got 0.7');
  assert.equal(r.badUnit.error, 'synapse 2 of unit 1 must be -1 (inhibitory), 0 (none) or 1 (excitatory), got 3');
  assert.equal(r.badMargin.error, 'margin must be in [0, 0.3], got 0.5');
});

test('backprop training that diverges stops, keeps the last good weights and says why (issue 12, item 5)', () => {
  // XOR, 2-3-1 with ReLU, η = 10: the loss explodes within the first steps,
  // without ever becoming NaN. Before, the weights kept growing (max |w| ≈ 1958
  // after 20,000 examples), beyond what the lesson's link can hold.
  const relu = { inputs: 2, layers: [{ units: 3, activation: 'relu' }, { units: 1 }], loss: 'binary_cross_entropy', init: 'glorot_uniform', seed: 1 };
  const train = (mod, parameters, learningRate, steps) => {
    const host = fakeHost();
    const runner = new Controller(mod, host);
    return ask(runner, host, { type: 'lesson-backprop-train', network: relu, parameters, x: GATE_X, targets: Float32Array.of(0, 1, 1, 0), rows: 4, learningRate, first: 0, steps });
  };
  for (const f of flavours) {
    const mod = modules[f];
    const start = mod.initialParameters(relu);
    const r = train(mod, start, 10, 1000);
    assert.equal(r.diverged, true, f);
    assert.match(r.message, /^the loss exploded: averaged over recent steps it reached \S+, over 100 × its start \(0\.693\) at step (\d+) of 1000; weights restored to their last good values\. Try a smaller learning rate\.$/, f);
    const taken = r.losses.length;
    assert.equal(Number(/at step (\d+)/.exec(r.message)[1]), taken + 1, `${f}: the step that diverged was not kept`);
    assert.ok(taken < 1000);
    assert.ok(Array.from(r.parameters).every((w) => Math.abs(w) <= 1000), `${f}: restored weights fit the link`);
    const good = train(mod, start, 10, taken);
    assert.equal(good.diverged, false);
    assert.equal(good.message, '');
    assert.deepEqual(r.parameters, good.parameters, `${f}: the last good weights are those after ${taken} steps`);
    assert.deepEqual(r.losses, good.losses);
    // A rate that learns never trips the rule.
    const calm = train(mod, start, 0.5, 4000);
    assert.equal(calm.diverged, false, f);
    assert.equal(calm.losses.length, 4000);
  }
});

test('the SIMD and scalar builds give the lessons the same numbers', () => {
  assert.deepEqual(results.scalar, results.simd);
});

test('signed weights round-trip a link joined by _', () => {
  const { list, num, parseParams, toParams } = urlState;
  const table = { w: list(num(0, -1000, 1000), [], 0, 17, '_') };
  const w = [0.5, -1.25, 3e-7, -0.1];
  const params = toParams(table, { w });
  assert.equal(params.toString(), 'w=0.5_-1.25_3e-7_-0.1');
  assert.deepEqual(parseParams(table, params).values.w, w);
  assert.equal(toParams(table, { w: [] }).toString(), '', 'the default (none) is not written');
  assert.deepEqual(parseParams(table, new URLSearchParams('w=1-2')).problems.map((p) => p.key), ['w'], 'joined by the wrong separator: refused');
});
