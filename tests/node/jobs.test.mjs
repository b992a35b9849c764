// The worker's one runtime under Node: jobs keyed by id under one scheduler.
// Two networks on one worker never touch each other's state (pause, reset,
// close one; the other goes on), the optimizer lab's network job shares the
// same time slices, a bad open changes nothing, and new hyper-parameters go to
// the live trainer (the run continues: steps and epochs keep growing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-module.mjs';
import { importTs } from './ts-import.mjs';
import { fakeHost } from './fake-host.mjs';

const [{ Controller }] = await importTs('web/src/worker/controller.ts');
const M = await loadModule('simd');

let nextId = 1;
function ask(controller, host, body) {
  const id = nextId++;
  controller.handle({ ...body, id });
  const m = host.messages.find((x) => x.id === id);
  assert.ok(m, `an answer to ${body.type}`);
  return m.type === 'error' ? { error: m.message, field: m.field } : m.value;
}

const gate = (g, seed = 1) => ({
  type: 'open',
  network: { inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 2 }], init: 'glorot_uniform', seed },
  train: { batchSize: 4, optimizer: 'adam', learningRate: 0.05, shuffleSeed: 1 },
  data: { kind: 'gate', gate: g },
});

const last = (host, job) => host.messages.filter((m) => m.type === 'progress' && m.job === job).at(-1);

test('two networks in one worker: each its own job, paused, reset and closed alone', () => {
  const host = fakeHost();
  const c = new Controller(M, host);
  const a = ask(c, host, gate('xor'));
  const b = ask(c, host, gate('and', 2));
  assert.notEqual(a.job, b.job);
  // Long enough that neither ends in one 12 ms slice.
  ask(c, host, { type: 'start', job: a.job, epochs: 50_000 });
  ask(c, host, { type: 'start', job: b.job, epochs: 500 });
  host.drain(() => last(host, a.job)?.steps > 5 && last(host, b.job)?.steps > 5);
  assert.ok(last(host, a.job).steps > 5 && last(host, b.job).steps > 5, 'both advance in the same slices');

  ask(c, host, { type: 'pause', job: a.job });
  const pausedAt = ask(c, host, { type: 'evaluate', job: a.job }).steps;
  host.drain(() => last(host, b.job)?.state === 'finished');
  assert.equal(last(host, b.job).epoch, 500, 'b ran to its end');
  assert.equal(ask(c, host, { type: 'evaluate', job: a.job }).steps, pausedAt, 'a stayed paused meanwhile');
  assert.equal(last(host, a.job).state, 'paused');

  // Reset b: a's weights are untouched.
  const before = ask(c, host, { type: 'predict', job: a.job, inputs: [{ kind: 'points', x: new Float32Array([0, 1]), rows: 1 }] }).outputs[0];
  assert.equal(ask(c, host, { type: 'reset', job: b.job }).job, b.job);
  assert.equal(ask(c, host, { type: 'evaluate', job: b.job }).steps, 0);
  const after = ask(c, host, { type: 'predict', job: a.job, inputs: [{ kind: 'points', x: new Float32Array([0, 1]), rows: 1 }] }).outputs[0];
  assert.deepEqual(after, before);

  // Close a: b still answers; a is gone with a message that says so.
  ask(c, host, { type: 'close', job: a.job });
  assert.match(ask(c, host, { type: 'evaluate', job: a.job }).error, new RegExp(`job ${a.job} is not open`));
  assert.equal(ask(c, host, { type: 'evaluate', job: b.job }).job, b.job);
});

test('a bad open changes nothing, and its error names the core field', () => {
  const host = fakeHost();
  const c = new Controller(M, host);
  const a = ask(c, host, gate('xor'));
  const bad = ask(c, host, { ...gate('or'), train: { batchSize: 4, learningRate: -1 }, replaces: a.job });
  assert.match(bad.error, /learning_rate/);
  assert.equal(ask(c, host, { type: 'evaluate', job: a.job }).job, a.job, 'the job it would replace is still open');
});

test('new hyper-parameters go to the live trainer: the run continues', () => {
  const host = fakeHost();
  const c = new Controller(M, host);
  const { job } = ask(c, host, gate('xor'));
  ask(c, host, { type: 'start', job, epochs: 20 });
  host.drain(() => last(host, job)?.state === 'finished');
  const trained = ask(c, host, { type: 'evaluate', job });
  assert.equal(trained.steps, 20);
  const set = ask(c, host, { type: 'setTrain', job, train: { optimizer: 'adam', learningRate: 0.01, batchSize: 2 } });
  assert.equal(set.batchesPerEpoch, 2, 'the new batch size holds');
  assert.equal(ask(c, host, { type: 'evaluate', job }).loss, trained.loss, 'nothing was rebuilt: same weights');
  ask(c, host, { type: 'start', job, epochs: 5 });
  host.drain(() => last(host, job)?.state === 'finished' && last(host, job)?.epoch === 25);
  const p = last(host, job);
  assert.equal(p.epoch, 25, 'epochs keep counting');
  assert.equal(p.steps, 20 + 5 * 2);
  const refused = ask(c, host, { type: 'setTrain', job, train: { learningRate: 0 } });
  assert.match(refused.error, /learning_rate/);
  assert.equal(ask(c, host, { type: 'evaluate', job }).steps, 30, 'a refused change leaves the run as it was');
});

test('the optimizer lab’s network job runs under the same scheduler as a training job', () => {
  const host = fakeHost();
  const c = new Controller(M, host);
  const t = ask(c, host, gate('xor'));
  ask(c, host, { type: 'start', job: t.job, epochs: 30 });
  const lab = ask(c, host, {
    type: 'lab-net-train',
    config: { data: 'moons', n: 100, noise: 0.2, seed: 1, hidden: 4, activation: 'tanh', optimizer: 'sgd', learningRate: 0.1, batchSize: 16, epochs: 3, landscape: { centre: 'mini', span: 1, resolution: 5, seed: 1 } },
  });
  assert.notEqual(lab.job, t.job);
  host.drain(() => last(host, t.job)?.state === 'finished' && host.messages.some((m) => m.type === 'lab-net' && m.job === lab.job && m.phase === 'done'));
  assert.equal(last(host, t.job).epoch, 30);
  assert.ok(host.messages.some((m) => m.type === 'lab-net' && m.phase === 'done'));
  assert.match(ask(c, host, { type: 'start', job: lab.job, epochs: 1 }).error, /not a training job/);
});
