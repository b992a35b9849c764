// The optimizer lab's worker side under Node, without a Worker: the Controller
// (web/src/worker/controller.ts, lab requests in web/src/worker/lab/) with a fake Host. Race and regression walks
// are deterministic and finite, a diverging walk ends at its last finite
// point, bad requests become errors for their id, and the network job trains
// its three runs in slices, then delivers a complete landscape slice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-module.mjs';
import { importTs } from './ts-import.mjs';
import { ask, fakeHost } from './fake-host.mjs';

const [{ Controller }] = await importTs('web/src/worker/controller.ts');
const M = await loadModule('simd');



const race = {
  type: 'lab-race',
  surface: { name: 'rosenbrock' },
  start: [-1.2, 1],
  noise: 0.5,
  seed: 7,
  steps: 300,
  entries: [
    { key: 'sgd', settings: { optimizer: 'sgd', learningRate: 0.002 } },
    { key: 'adam', settings: { optimizer: 'adam', learningRate: 0.1 } },
  ],
};

test('race paths: same request, same numbers; finite; a diverging walk keeps its last finite point', () => {
  const host = fakeHost();
  const runner = new Controller(M, host);
  const a = ask(runner, host, race).paths;
  const b = ask(runner, host, race).paths;
  assert.deepEqual(b, a, 'deterministic');
  for (const p of a) {
    assert.equal(p.x.length, 301);
    assert.equal(p.distance.length, 301);
    assert.ok([...p.x, ...p.y, ...p.loss, ...p.distance].every(Number.isFinite));
  }
  const adam = a.find((p) => p.key === 'adam');
  assert.ok(adam.distance[300] < adam.distance[0], 'Adam gets closer to (1, 1)');

  const [gd] = ask(runner, host, { ...race, surface: { name: 'bowl', condition: 10 }, start: [-8, 4], noise: 0, entries: [{ key: 'sgd', settings: { optimizer: 'sgd', learningRate: 3 } }] }).paths;
  assert.ok(gd.diverged && gd.x.length < 20, `diverged after ${gd.x.length - 1} steps`);
  assert.ok([...gd.x, ...gd.y, ...gd.loss].every(Number.isFinite), 'no NaN or Inf');

  const [saddle] = ask(runner, host, { ...race, surface: { name: 'saddle' }, start: [-1.8, 0.05], steps: 50 }).paths;
  assert.equal(saddle.distance.length, 0, 'the saddle has no minimum');
});

test('regression: the optimum, and batch / SGD / mini-batch walks of the right lengths', () => {
  const host = fakeHost();
  const runner = new Controller(M, host);
  const data = { m: 100, noise: 1, seed: 42 };
  const setup = ask(runner, host, { type: 'lab-regression-setup', data, halfWidth: [5, 5], nx: 41, ny: 41 });
  const d = M.linearData(100, 4, 3, 1, 42);
  assert.deepEqual(setup.optimum, M.normalEquation(d));
  assert.ok(Math.abs(setup.optimumLoss - 1.0218) < 0.01, `MSE at the optimum ${setup.optimumLoss}`);
  const [x0, x1, y0, y1] = setup.view;
  assert.ok(x0 < setup.optimum[0] && setup.optimum[0] < x1 && y0 < setup.optimum[1] && setup.optimum[1] < y1);

  const walks = { type: 'lab-regression-walks', data, learningRate: 0.1, schedule: false, start: [0, 0], epochs: 50, batchSizes: [100, 1, 20] };
  const { paths } = ask(runner, host, walks);
  assert.deepEqual(paths.map((p) => p.theta0.length), [51, 5001, 251]);
  assert.deepEqual(paths.map((p) => p.examples[p.examples.length - 1]), [5000, 5000, 5000]);
  for (const p of paths) assert.ok(p.loss[p.loss.length - 1] < 2.5, `b = ${p.batchSize} gets near the optimum`);
  assert.deepEqual(ask(runner, host, walks, 2).paths, paths, 'deterministic');

  const bad = ask(runner, host, { ...walks, epochs: 100_000 }, 3);
  assert.match(bad.error, /epochs × batches per epoch/);
});

test('network job: three runs in slices, then the landscape with projected paths', () => {
  const host = fakeHost();
  const runner = new Controller(M, host);
  const config = {
    data: 'moons', n: 200, noise: 0.2, seed: 1, hidden: 8, activation: 'tanh', optimizer: 'sgd',
    learningRate: 0.1, batchSize: 32, epochs: 10, landscape: { centre: 'mini', span: 1, resolution: 11, seed: 1 },
  };
  const status = ask(runner, host, { type: 'lab-net-train', config });
  assert.equal(status.phase, 'training');
  assert.equal(status.parameterCount, 2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2);
  const events = () => host.messages.filter((m) => m.type === 'lab-net');
  host.drain(() => events().some((e) => e.phase === 'done'));
  const done = events().find((e) => e.landscape);
  assert.ok(done, 'the landscape arrives');
  assert.equal(done.landscape.values.length, 121);
  assert.ok(done.landscape.values.every(Number.isFinite));
  const points = { batch: [], sgd: [], mini: [] };
  for (const e of events()) for (const a of e.added) points[a.key].push(...a.loss);
  for (const key of ['batch', 'sgd', 'mini']) {
    assert.equal(points[key].length, 11, `${key}: epoch 0 to 10`);
    const path = done.landscape.paths.find((p) => p.key === key);
    assert.equal(path.alpha.length, 11);
  }
  const mini = done.landscape.paths.find((p) => p.key === 'mini');
  assert.ok(Math.hypot(mini.alpha[10], mini.beta[10]) < 1e-3, 'the centre run ends at the centre');
  assert.ok(points.mini[10] < points.mini[0], 'mini-batch GD lowers the loss');

  // A different slice without training again; then close.
  const again = ask(runner, host, { type: 'lab-net-landscape', job: status.job, landscape: { ...config.landscape, centre: 'sgd', resolution: 5 } }, 2);
  assert.equal(again.phase, 'landscape');
  host.drain(() => events().filter((e) => e.landscape).length === 2);
  assert.equal(events().filter((e) => e.landscape)[1].landscape.values.length, 25);
  assert.equal(ask(runner, host, { type: 'lab-net-control', job: status.job, action: 'close' }, 3).phase, 'closed');
  assert.match(ask(runner, host, { type: 'lab-net-control', job: status.job, action: 'pause' }, 4).error, /is not open/);
});

test('network runs whose loss explodes at η = 10 (never NaN) stop as diverged with the core’s message; the landscape still comes', () => {
  // Issue 12, item 5: ReLU with Adam at 10 on two moons. Before, all three
  // runs trained on at chance with finite, exploding losses and said nothing.
  const host = fakeHost();
  const runner = new Controller(M, host);
  const config = {
    data: 'moons', n: 200, noise: 0.2, seed: 1, hidden: 8, activation: 'relu', optimizer: 'adam',
    learningRate: 10, batchSize: 32, epochs: 10, landscape: { centre: 'mini', span: 1, resolution: 5, seed: 1 },
  };
  ask(runner, host, { type: 'lab-net-train', config });
  const events = () => host.messages.filter((m) => m.type === 'lab-net');
  host.drain(() => events().some((e) => e.phase === 'done'));
  const last = events().at(-1);
  assert.equal(last.phase, 'done');
  for (const run of last.runs) {
    assert.equal(run.diverged, true, run.key);
    assert.match(run.message, /^the loss exploded: averaged over recent batches it reached \S+, over 100 × its start \(\S+\) at epoch \d+, batch \d+; weights restored to their last good values\. Try a smaller learning rate\.$/, run.key);
    assert.ok(run.epoch < 10, `${run.key} stopped at epoch ${run.epoch}`);
  }
  const landscape = events().find((e) => e.landscape)?.landscape;
  assert.ok(landscape && landscape.values.every(Number.isFinite), 'a finite landscape around the restored weights');
});
