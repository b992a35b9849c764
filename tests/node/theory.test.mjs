// The theory lessons' worker side under Node, through the Controller: the
// activation curves (the core's numbers, both builds alike), the deep
// network's probe at its start and as it trains (the vanishing preset loses
// over 1000× toward the first layer, ReLU + He stays within 10×; play, step,
// reset and close), Cybenko's sum fitted and swept over N (its error falls
// on the sine as N grows: 2, 8, 32), a sum built by hand, and refusals that
// name their field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flavours, loadModule } from './load-module.mjs';
import { importTs } from './ts-import.mjs';
import { fakeHost } from './fake-host.mjs';

const [{ Controller }] = await importTs('web/src/worker/controller.ts');
const modules = Object.fromEntries(await Promise.all(flavours.map(async (f) => [f, await loadModule(f)])));

let nextId = 1;
function ask(c, host, body) {
  const id = nextId++;
  c.handle({ ...body, id });
  const m = host.messages.find((x) => x.id === id);
  assert.ok(m, `an answer to ${body.type}`);
  return m.type === 'error' ? { error: m.message, field: m.field } : m.value;
}

const events = (host, type, job) => host.messages.filter((m) => m.type === type && m.job === job);
const lastEvent = (host, type, job) => events(host, type, job).at(-1);

const FUNCTIONS = [
  { name: 'step', alpha: 0 },
  { name: 'sigmoid', alpha: 0 },
  { name: 'tanh', alpha: 0 },
  { name: 'relu', alpha: 0 },
  { name: 'leaky_relu', alpha: 0.1 },
  { name: 'elu', alpha: 0.5 },
];

test('activation curves: the core’s f and f′, the same in both builds', () => {
  const answers = flavours.map((f) => {
    const host = fakeHost();
    return ask(new Controller(modules[f], host), host, { type: 'theory-activations', functions: FUNCTIONS, z0: -6, z1: 6, samples: 481, saturation: 0.05 });
  });
  const [simd, scalar] = answers;
  assert.equal(simd.curves.length, 6);
  const at = (c, z) => Math.round(((z + 6) / 12) * 480);
  const [step, sigmoid, tanh, relu, leaky, elu] = simd.curves;
  assert.deepEqual([step.value[at(step, -1)], step.value[at(step, 0)], Math.max(...step.derivative)], [0, 1, 0], 'step(0) = 1; its f′ is 0 everywhere');
  assert.equal(sigmoid.value[at(sigmoid, 0)], 0.5);
  assert.equal(sigmoid.derivative[at(sigmoid, 0)], 0.25);
  assert.ok(Math.abs(tanh.value[at(tanh, 1)] - Math.tanh(1)) < 1e-6);
  assert.deepEqual([relu.value[at(relu, -2)], relu.derivative[at(relu, -2)], relu.derivative[at(relu, 2)]], [0, 0, 1]);
  assert.ok(Math.abs(leaky.value[at(leaky, -2)] + 0.2) < 1e-6, 'leaky ReLU uses its α');
  assert.ok(Math.abs(elu.value[0] - 0.5 * Math.expm1(-6)) < 1e-6 && elu.value[0] > -0.5, `ELU at z = −6 is α(e⁻⁶ − 1), just above its floor −α: ${elu.value[0]}`);
  // Saturated stretches: ReLU's dead side; none for a leaky slope above the threshold.
  assert.deepEqual(Array.from(relu.saturated).map((v) => Math.round(v * 1000) / 1000), [-6, 0.013]);
  assert.equal(leaky.saturated.length, 0);
  // Central differences of the core's own f agree with its f′ away from the kinks.
  for (const c of [sigmoid, tanh, elu]) {
    for (const i of [40, 200, 300, 440]) {
      const fd = (c.value[i + 1] - c.value[i - 1]) / (c.z[i + 1] - c.z[i - 1]);
      assert.ok(Math.abs(fd - c.derivative[i]) < 2e-3, `f′ at z = ${c.z[i]}: ${c.derivative[i]} vs ${fd}`);
    }
  }
  simd.curves.forEach((c, k) => {
    assert.deepEqual(Array.from(c.value), Array.from(scalar.curves[k].value), `${FUNCTIONS[k].name}: SIMD and scalar builds agree`);
    assert.deepEqual(Array.from(c.derivative), Array.from(scalar.curves[k].derivative));
  });

  const host = fakeHost();
  const c = new Controller(modules.simd, host);
  const bad = ask(c, host, { type: 'theory-activations', functions: [{ name: 'softmax', alpha: 0 }], z0: -1, z1: 1, samples: 11, saturation: 0.05 });
  assert.match(bad.error, /^activation must be a function of one z/);
  assert.match(ask(c, host, { type: 'theory-activations', functions: FUNCTIONS, z0: 1, z1: -1, samples: 11, saturation: 0.05 }).error, /^z1 must be above z0/);
});

const deep = (act, init, width, extra = {}) => ({
  network: { inputs: 2, layers: [...Array.from({ length: 8 }, () => ({ units: width, activation: act })), { units: 2 }], init, seed: 1 },
  data: { kind: 'circles', n: 512, noise: 0.1, seed: 1 },
  train: { batchSize: 32, optimizer: 'sgd', learningRate: 0.1, shuffleSeed: 1 },
  probeRows: 256,
  bins: 24,
  saturation: 0.05,
  maxSteps: 200,
  stepsPerSecond: 0,
  ...extra,
});

/** The first hidden layer's gradient per weight over the last hidden layer's. */
const firstToLast = (s) => s.weightGradRms[0] / s.weightGradRms[s.weightGradRms.length - 2];

test('vanishing gradients: the probe at the start and while training; play, step, reset, close', () => {
  const host = fakeHost();
  const c = new Controller(modules.simd, host);
  const v = ask(c, host, { type: 'theory-vanishing-open', config: deep('sigmoid', 'truncated_normal', 16) });
  assert.equal(v.layers, 9);
  assert.equal(v.state, 'idle');
  const first = events(host, 'theory-vanishing', v.job)[0];
  assert.ok(first, 'the initial numbers arrive at once');
  assert.ok(host.messages.indexOf(first) > host.messages.findIndex((m) => m.type === 'result' && m.value?.job === v.job), 'after the answer naming the job');
  assert.ok(firstToLast(first.initial) < 1e-3, `sigmoid, σ = 2/√n: first/last ${firstToLast(first.initial)}`);
  assert.equal(first.initial.histogram.length, 8 * 24);
  assert.deepEqual(Array.from(first.initial.range.slice(0, 2)), [0, 1]);

  const h = ask(c, host, { type: 'theory-vanishing-open', config: deep('relu', 'he_normal', 64) });
  const healthy = events(host, 'theory-vanishing', h.job)[0].initial;
  assert.ok(firstToLast(healthy) > 0.1 && firstToLast(healthy) < 10, `ReLU + He: first/last ${firstToLast(healthy)}`);

  // Play to the end (200 steps, flat out): the losses of every step arrive, the run finishes.
  assert.equal(ask(c, host, { type: 'theory-control', job: h.job, action: 'play' }).state, 'running');
  host.drain(() => lastEvent(host, 'theory-vanishing', h.job)?.state === 'finished');
  const done = lastEvent(host, 'theory-vanishing', h.job);
  assert.equal(done.steps, 200);
  const losses = events(host, 'theory-vanishing', h.job).flatMap((e) => Array.from(e.losses));
  assert.equal(losses.length, 200, 'one loss per step, none lost between events');
  assert.ok(done.stats.loss < healthy.loss, `ReLU + He learns: probe loss ${healthy.loss} → ${done.stats.loss}`);
  assert.match(ask(c, host, { type: 'theory-control', job: h.job, action: 'play' }).error, /finished; reset it/);

  // The other job did not move meanwhile; one step moves it by one.
  assert.equal(ask(c, host, { type: 'theory-control', job: v.job, action: 'step' }).steps, 1);
  const reset = ask(c, host, { type: 'theory-control', job: v.job, action: 'reset' });
  assert.deepEqual([reset.state, reset.steps], ['idle', 0]);
  host.drain(() => lastEvent(host, 'theory-vanishing', v.job)?.initial !== null);
  assert.deepEqual(Array.from(lastEvent(host, 'theory-vanishing', v.job).initial.weightGradRms), Array.from(first.initial.weightGradRms), 'reset: the same initial weights');

  assert.equal(ask(c, host, { type: 'theory-control', job: v.job, action: 'close' }).state, 'closed');
  assert.match(ask(c, host, { type: 'theory-control', job: v.job, action: 'play' }).error, new RegExp(`job ${v.job} is not open`));
  assert.match(ask(c, host, { type: 'theory-vanishing-open', config: deep('relu', 'he_normal', 8, { probeRows: 0 }) }).error, /^probe rows must be between 1 and 4096/);
  assert.match(ask(c, host, { type: 'theory-vanishing-open', config: deep('relu', 'orthogonal', 8) }).error, /^init must be one of/);
});

test('universal approximation: Adam fits the sum; the sine’s error falls as N grows (2, 8, 32)', () => {
  const host = fakeHost();
  const c = new Controller(modules.simd, host);
  const sine = { name: 'sine' };
  const fit = ask(c, host, { type: 'theory-uat-open', config: { units: 8, target: sine, seed: 1, learningRate: 0.05, points: 129, maxSteps: 600, stepsPerSecond: 0 } });
  const start = events(host, 'theory-uat', fit.job)[0];
  assert.equal(start.steps, 0);
  assert.ok(Array.from(start.curves.g).every((g) => g === 0), 'G starts at 0 (every α is 0)');
  assert.equal(start.curves.contributions.length, 8 * 129);
  assert.equal(start.curves.sup.error, 1, 'max |0 − sin 2πx| = 1');
  ask(c, host, { type: 'theory-control', job: fit.job, action: 'play' });
  host.drain(() => lastEvent(host, 'theory-uat', fit.job)?.state === 'finished');
  const end = lastEvent(host, 'theory-uat', fit.job);
  assert.equal(end.steps, 600);
  assert.ok(end.best < 0.2 && end.best <= end.curves.sup.error, `best sup-norm error after 600 steps: ${end.best}`);
  assert.equal(end.parameters.length, 24);

  const sweep = ask(c, host, { type: 'theory-uat-sweep', config: { target: sine, seed: 1, learningRate: 0.05, steps: 2000, units: [2, 8, 32] } });
  host.drain(() => lastEvent(host, 'theory-uat-sweep', sweep.job)?.state === 'finished');
  const [e2, e8, e32] = lastEvent(host, 'theory-uat-sweep', sweep.job).errors;
  console.log(`best sup-norm error on sin 2πx: N = 2: ${e2.toFixed(4)}, N = 8: ${e8.toFixed(4)}, N = 32: ${e32.toFixed(4)}`);
  assert.ok(e2 > 2 * e8 && e8 > e32 && e32 < 0.05, `${e2} > ${e8} > ${e32}`);
  assert.match(ask(c, host, { type: 'theory-control', job: sweep.job, action: 'play' }).error, /sweep can only be closed/);

  // By hand: two steep units of opposite α make a bump on [0.3, 0.7].
  const byHand = ask(c, host, { type: 'theory-uat-curves', parameters: Float32Array.of(40, 40, -12, -28, 1, -1), units: 2, target: { name: 'bump' }, points: 11 });
  assert.ok(byHand.g[5] > 0.99 && byHand.g[0] < 0.01 && byHand.g[10] < 0.01, `G at 0, ½, 1: ${byHand.g[0]}, ${byHand.g[5]}, ${byHand.g[10]}`);
  // A drawn target: straight lines through its knots.
  const drawn = ask(c, host, { type: 'theory-uat-curves', parameters: new Float32Array(3), units: 1, target: { name: 'drawn', knots: Float32Array.of(0, 1, 0) }, points: 5 });
  assert.deepEqual(Array.from(drawn.target), [0, 0.5, 1, 0.5, 0]);

  assert.match(ask(c, host, { type: 'theory-uat-open', config: { units: 65, target: sine, seed: 1, learningRate: 0.05, points: 129, maxSteps: 10, stepsPerSecond: 0 } }).error, /^units must be between 1 and 64, got 65/);
  assert.match(ask(c, host, { type: 'theory-uat-curves', parameters: new Float32Array(3), units: 1, target: { name: 'drawn' }, points: 5 }).error, /^knots must be a Float32Array/);
  assert.match(ask(c, host, { type: 'theory-uat-curves', parameters: new Float32Array(3), units: 1, target: { name: 'drawn', knots: Float32Array.of(1) }, points: 5 }).error, /^knots must be between 2 and 257, got 1/);
});

test('universal approximation: the SIMD and scalar builds fit the same sum', () => {
  const fits = flavours.map((f) => {
    const fit = new modules[f].UatFit(6, { name: 'bump' }, 3, 0.05, null);
    fit.steps(300);
    const p = fit.parameters();
    fit.delete();
    return p;
  });
  fits[0].forEach((v, i) => assert.ok(Math.abs(v - fits[1][i]) <= 1e-4 * Math.max(1, Math.abs(v)), `parameter ${i}: ${v} vs ${fits[1][i]}`));
});
